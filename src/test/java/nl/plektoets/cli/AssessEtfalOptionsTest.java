package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import nl.plektoets.demo.CommittedDemo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plektoets assess} with the ETFAL part 2 options ({@code --employer}, {@code --rooms}, {@code
 * --parking-spaces}) on the demo: the same inputs as the API's members, echoed; refused as the API refuses them, with
 * exit code 2 and the member named.
 */
class AssessEtfalOptionsTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void demo() throws Exception {
        data = CommittedDemo.copyTo(tmp.resolve("demo"));
    }

    @Test
    void theOptionsReachTheAnswer() throws Exception {
        String address = "Hoogtelijnerf 1, Plekdam";
        MainTest.Run ok = MainTest.run(
                "assess",
                "--data",
                data.toString(),
                "--address",
                address,
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--employer",
                "name=Kwekerij;address=" + address + ";workers=8",
                "--employer",
                "name=Slachterij;point=3.69,52.55;crs=CRS84;workers=4",
                "--rooms",
                "6",
                "--parking-spaces",
                "3",
                "--json");
        assertEquals(Main.OK, ok.code(), ok::toString);
        JsonNode a = new ObjectMapper().readTree(ok.out());
        assertEquals(6, a.at("/initiative/rooms").asInt());
        assertEquals(3, a.at("/initiative/parkingSpaces").asInt());
        assertEquals("Kwekerij", a.at("/initiative/employers/0/name").asText());
        assertEquals(8, a.at("/initiative/employers/0/workers").asInt());
        assertEquals(3.69, a.at("/initiative/employers/1/point/coordinates/0").asDouble(), 1e-9);
        boolean spread = false, neighbours = false;
        for (JsonNode c : a.get("criteria")) {
            spread |= c.get("id").asText().equals("spread");
            neighbours |= c.get("id").asText().equals("neighbours");
        }
        assertTrue(spread && neighbours, a.get("criteria").toString());
    }

    @Test
    void badOptionsExitWithTwoNamingTheMember() {
        MainTest.Run notFound = MainTest.run(
                "assess",
                "--data",
                data.toString(),
                "--address",
                "Hoogtelijnerf 1, Plekdam",
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--employer",
                "name=Nergens BV;address=Nietbestaandestraat 99, Nergens");
        assertEquals(Main.USAGE, notFound.code(), notFound::toString);
        assertTrue(notFound.err().contains("Nergens BV"), notFound.err());
        MainTest.Run badSpec = MainTest.run(
                "assess",
                "--data",
                data.toString(),
                "--address",
                "Hoogtelijnerf 1, Plekdam",
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--employer",
                "just an address");
        assertEquals(Main.USAGE, badSpec.code(), badSpec::toString);
        assertTrue(badSpec.err().contains("key=value"), badSpec.err());
        MainTest.Run negative = MainTest.run(
                "assess",
                "--data",
                data.toString(),
                "--address",
                "Hoogtelijnerf 1, Plekdam",
                "--form",
                "housing_facility",
                "--persons",
                "12",
                "--parking-spaces",
                "-1");
        assertEquals(Main.USAGE, negative.code(), negative::toString);
    }
}
