package nl.plektoets.roomrental;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.policy.PolicyProfile;

/** The real BAG extract (Amsterdam Houthaven) as a dataset, plain SQL over the same file, and profile variants. */
final class RealBag {
    static final Path GPKG = Path.of("..", "shared", "data", "bag", "bag.gpkg");
    /** Every address table of the extract: the registries importer counts all three (no gebruiksdoel: dwelling=assumed). */
    static final String ALL =
            "(select straatnaam, woonplaats, huisnummer, huisletter, toevoeging, nummer_id, minx, miny "
                    + "from verblijfsobjecten union all select straatnaam, woonplaats, huisnummer, huisletter, toevoeging, nummer_id,"
                    + " minx, miny from ligplaatsen union all select straatnaam, woonplaats, huisnummer, huisletter, toevoeging,"
                    + " nummer_id, minx, miny from standplaatsen)";

    private static Dataset dataset;

    private RealBag() {}

    static synchronized Dataset dataset() {
        if (dataset == null) {
            dataset = new Dataset(
                    new DatasetInfo("BAG Houthaven", false, List.of("bag.gpkg"), "EPSG:28992"),
                    BagImport.read(GPKG, WorkingCrs.rdNew(), m -> {}).features());
        }
        return dataset;
    }

    static List<Object[]> sql(String query) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + GPKG.toAbsolutePath());
                ResultSet rs = c.createStatement().executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                out.add(row);
            }
        }
        return out;
    }

    static long count(String query) throws Exception {
        return ((Number) sql(query).get(0)[0]).longValue();
    }

    /** The Hardenberg profile with {@code from} replaced by {@code to} in its YAML (to switch rules on). */
    static PolicyProfile profile(String... fromTo) throws Exception {
        String yaml;
        try (var in = PolicyProfile.class.getClassLoader().getResourceAsStream(PolicyProfile.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) throw new IllegalArgumentException("not in the profile: " + fromTo[i]);
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        return PolicyProfile.parse(yaml, "test variant");
    }
}
