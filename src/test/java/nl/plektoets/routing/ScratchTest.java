package nl.plektoets.routing;

import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.Feature;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void explore() throws Exception {
        WorkingCrs crs = WorkingCrs.of("EPSG:32632");
        OsmTestData d = OsmTestData.read(OsmTestData.NORTH_BAYREUTH);
        List<Feature> fac = d.facilities(crs);
        fac.forEach(f -> System.out.println(f.id() + " " + f.attributes() + " " + crs.toLonLat(f.geometry())));
        Path dir = Path.of("target", "scratch-graph");
        long t0 = System.currentTimeMillis();
        try (ReachIndex idx = ReachIndex.open(OsmTestData.NORTH_BAYREUTH, dir, fac, crs, ReachSettings.defaults())) {
            System.out.println("open ms " + (System.currentTimeMillis() - t0) + " imported " + idx.network().imported()
                    + " nodes " + idx.network().graph().getNodes() + " stamp " + idx.network().graphStamp());
            System.out.println(idx.precomputeMillis() + " " + idx.unsnappedFacilities());
            int k = 0;
            for (var e : d.addresses().entrySet()) {
                if (k++ > 15) break;
                var n = e.getValue();
                var site = crs.geometryFactory().createPoint(crs.fromLonLat(n.lon(), n.lat()));
                for (TravelMode m : TravelMode.values()) {
                    SiteAccess a = idx.access(site, m);
                    StringBuilder sb = new StringBuilder(e.getKey() + " " + m + " snap " + a.nearestM());
                    a.snap().ifPresent(s -> {
                        for (String c : List.of("supermarket", "general_practitioner", "public_transport_stop")) {
                            idx.nearest(s, c).ifPresent(nf -> sb.append(" | " + c + " " + nf.facility().attribute("name") + " " + String.format("%.1f", nf.minutes())));
                        }
                    });
                    System.out.println(sb);
                }
            }
        }
    }
}
