package nl.plektoets.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import nl.plektoets.config.Config;

/**
 * The map pages' background and the Content-Security-Policy that enforces it. By default ({@code background=own})
 * the pages draw their background from our own layers and the policy allows nothing but this server, so no
 * visitor's browser contacts a third party (AVG). With {@code background=pdok-brt} the pages load PDOK's
 * BRT-Achtergrondkaart tiles and the policy allows images from that one origin, nothing more.
 *
 * @param background  {@code own} or {@code pdok-brt}
 * @param url         the tile URL template (used only with pdok-brt)
 * @param attribution the attribution shown with the tiles
 */
public record MapBackground(String background, String url, String attribution) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static MapBackground of(Config config) {
        return new MapBackground(config.background(), config.backgroundUrl(), config.backgroundAttribution());
    }

    public boolean thirdParty() {
        return "pdok-brt".equals(background);
    }

    /** The tile host's origin ({@code https://service.pdok.nl}); Config guarantees an https URL with a host. */
    public String tileOrigin() {
        URI uri = URI.create(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** {@code GET /api/v1/map-config}: what the pages draw under their layers. */
    public ObjectNode json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("background", background);
        if (thirdParty()) {
            o.put("url", url);
            o.put("attribution", attribution);
            o.put("projection", "EPSG:3857");
            // PDOK's standaard tiles stop at zoom 19; the layers above them draw further
            o.put("maxZoom", 19);
        }
        return o;
    }

    /**
     * The pages' policy: scripts, styles, data and fonts only from this server; images also from data:/blob:
     * (OpenLayers' canvas) and, with pdok-brt, from the tile origin. No inline script, no framing, no plugins.
     */
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"
                + (thirdParty() ? " " + tileOrigin() : "")
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }
}
