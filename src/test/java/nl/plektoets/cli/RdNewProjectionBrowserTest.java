package nl.plektoets.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.plektoets.geo.RdNapTrans;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * frontend/common/rd.js, the map's RD New (EPSG:28992) projection, against the server's RDNAPTRANS (rdnaptrans-java): a grid
 * over the Netherlands and the demo's addresses as the layer API serves them in both CRSs.
 */
class RdNewProjectionBrowserTest extends BrowserTestBase {
    /** The approximation formulas are good to about a metre over the country; measured 0.48 m at worst. */
    private static final double TOLERANCE_M = 1.0;

    /** The check page, whose modules load common/rd.js for the projection switch. */
    private void openWithRd() {
        open("/");
        page.waitForFunction("() => !!ol.proj.get('EPSG:28992')");
    }

    @Test
    void aGridOverTheNetherlandsMatchesRdnaptransBothWays() {
        openWithRd();
        List<List<Double>> lonLats = new ArrayList<>();
        List<List<Double>> rds = new ArrayList<>();
        for (double lon = 3.6; lon <= 7.2; lon += 0.4) {
            for (double lat = 50.8; lat <= 53.5; lat += 0.3) {
                Coordinate rd = RdNapTrans.fromLonLat(lon, lat);
                if (!RdNapTrans.inRdArea(rd.x, rd.y)) continue;
                lonLats.add(List.of(lon, lat));
                rds.add(List.of(rd.x, rd.y));
            }
        }
        assertTrue(lonLats.size() > 50, "grid points in the RD area: " + lonLats.size());
        @SuppressWarnings("unchecked")
        List<Number> worst = (List<Number>) page.evaluate(
                "async ([lonLats, rds]) => { const RdNew = await import('/common/rd.js');"
                        + " let forward = 0, inverse = 0, viaOl = 0;"
                        + " lonLats.forEach((ll, i) => {"
                        + "   const xy = RdNew.fromLonLat(ll);"
                        + "   forward = Math.max(forward, Math.hypot(xy[0] - rds[i][0], xy[1] - rds[i][1]));"
                        + "   const back = RdNew.toLonLat(rds[i]);"
                        + "   inverse = Math.max(inverse, Math.hypot((back[0] - ll[0]) * 111320 * Math.cos(ll[1] * Math.PI / 180), (back[1] - ll[1]) * 110570));"
                        + "   const o = ol.proj.transform(ol.proj.fromLonLat(ll), 'EPSG:3857', 'EPSG:28992');"
                        + "   viaOl = Math.max(viaOl, Math.hypot(o[0] - rds[i][0], o[1] - rds[i][1]));"
                        + " });"
                        + " return [forward, inverse, viaOl]; }",
                List.of(lonLats, rds));
        System.out.printf(
                "rd.js against RDNAPTRANS over %d grid points: forward %.3f m, inverse %.3f m, via Web Mercator %.3f m%n",
                lonLats.size(),
                worst.get(0).doubleValue(),
                worst.get(1).doubleValue(),
                worst.get(2).doubleValue());
        for (Number n : worst)
            assertTrue(n.doubleValue() < TOLERANCE_M, "worst deviations (m) forward, inverse, via OL: " + worst);
    }

    @Test
    void theDemosAddressesInBothCrssOfTheLayerApiAgreeWithTheProjection() {
        openWithRd();
        @SuppressWarnings("unchecked")
        Map<String, Number> r =
                (Map<String, Number>) page.evaluate("async () => { const RdNew = await import('/common/rd.js');"
                        + " const get = async q => (await fetch('/api/v1/layers/address?limit=500' + q)).json();"
                        + " const ll = await get(''), rd = await get('&crs=EPSG:28992');"
                        + " let worst = 0;"
                        + " ll.features.forEach((f, i) => { const xy = RdNew.fromLonLat(f.geometry.coordinates);"
                        + "   const s = rd.features[i].geometry.coordinates; worst = Math.max(worst, Math.hypot(xy[0] - s[0], xy[1] - s[1])); });"
                        + " return { n: ll.features.length, worst }; }");
        assertTrue(r.get("n").intValue() == 500, "500 addresses compared: " + r);
        assertTrue(r.get("worst").doubleValue() < TOLERANCE_M, "worst deviation over the demo's addresses: " + r);
    }
}
