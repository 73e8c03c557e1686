package nl.plektoets.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.RegisterJson;

/** A small HTTP client for the register endpoints, with the test token file's tokens. */
final class RegisterHttp {
    static final String PLANNER = "planner-token-0123456789abcdef";
    static final String ADMIN = "admin-token-0123456789abcdefgh";
    static final String REGISSEUR = "regisseur-token-0123456789abcd";

    record Response(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    RegisterHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Handlers over the hand-drawn fixture near Hardenberg (x 236000..244200, y 509000..513000 in RD New): register
     * sites must lie inside the served dataset, as assessment sites must.
     */
    static Api fixtureApi() {
        var dataset = nl.plektoets.data.FixtureDataset.create();
        return new Api(
                nl.plektoets.config.Config.defaults(),
                dataset,
                r -> {
                    throw new AssertionError("no assessments here");
                },
                new PolicyInfo("hardenberg-2025", "test"));
    }

    static TokenFile tokens(Path dir) throws IOException {
        Path file = dir.resolve("tokens.txt");
        Files.writeString(
                file,
                "# test tokens\nans planner " + PLANNER + "\nrita regisseur " + REGISSEUR + "\nbeheer admin sha256:"
                        + java.util.HexFormat.of().formatHex(TokenFile.sha256(ADMIN)) + "\n");
        return TokenFile.read(file);
    }

    Response send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : RegisterJson.MAPPER.readTree(r.body());
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
