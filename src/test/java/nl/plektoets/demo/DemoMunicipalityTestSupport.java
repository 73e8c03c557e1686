package nl.plektoets.demo;

import java.util.ArrayList;
import java.util.List;

final class DemoMunicipalityTestSupport {
    private DemoMunicipalityTestSupport() {}

    static List<ParsedOsm.Node> villages(ParsedOsm osm) {
        List<ParsedOsm.Node> out = new ArrayList<>(osm.nodes("place", "village"));
        out.addAll(osm.nodes("place", "town"));
        return out;
    }
}
