package nl.plektoets.data.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.layer.LayerImport;

/**
 * Features per source and role after precedence, with how many lower-ranked features each source cut or dropped, and
 * the rows of a list that could not be placed by their address: the table the CLI prints after an import.
 */
public record ImportSummary(List<Row> rows, List<LayerImport.Unplaced> unplaced) {
    /**
     * @param source   the source name ({@code NL.IMRO...}, {@code bag.gpkg}, ...)
     * @param kind     its kind
     * @param role     the role
     * @param features features of this role the dataset holds from this source
     * @param clipped  features of this source and role that a higher-ranked source cut
     * @param dropped  features of this source and role that a higher-ranked source removed
     */
    public record Row(String source, SourceKind kind, Role role, int features, int clipped, int dropped) {}

    public ImportSummary {
        rows = List.copyOf(rows);
        unplaced = unplaced == null ? List.of() : List.copyOf(unplaced);
    }

    public ImportSummary(List<Row> rows) {
        this(rows, List.of());
    }

    static ImportSummary of(SourcePrecedence.Resolution resolution, List<LayerImport.Unplaced> unplaced) {
        record Key(String source, SourceKind kind, Role role) implements Comparable<Key> {
            public int compareTo(Key o) {
                int c = kind.compareTo(o.kind);
                if (c != 0) return c;
                c = source.compareTo(o.source);
                return c != 0 ? c : role.compareTo(o.role);
            }
        }
        Map<Key, int[]> counts = new TreeMap<>();
        Map<String, SourceKind> kinds = new java.util.HashMap<>();
        for (SourceFeatures s : resolution.sources()) {
            kinds.put(s.name(), s.kind());
            for (Feature f : s.features())
                counts.computeIfAbsent(new Key(s.name(), s.kind(), f.role()), k -> new int[3])[0]++;
        }
        for (SourcePrecedence.Decision d : resolution.decisions()) {
            int[] c = counts.computeIfAbsent(
                    new Key(d.source(), kinds.get(d.source()), d.feature().role()), k -> new int[3]);
            c[d.action() == SourcePrecedence.Action.CLIPPED ? 1 : 2]++;
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new Row(k.source(), k.kind(), k.role(), c[0], c[1], c[2])));
        return new ImportSummary(rows, unplaced);
    }

    public int total() {
        return rows.stream().mapToInt(Row::features).sum();
    }

    /** Features of a role over all sources. */
    public int count(Role role) {
        return rows.stream()
                .filter(r -> r.role() == role)
                .mapToInt(Row::features)
                .sum();
    }

    /** A fixed-width text table for the console. */
    public String table() {
        int w = Math.max(
                6, rows.stream().mapToInt(r -> r.source().length()).max().orElse(6));
        StringBuilder b = new StringBuilder();
        String fmt = "%-" + w + "s  %-5s  %-17s %8s %8s %8s%n";
        b.append(String.format(fmt, "source", "kind", "role", "features", "clipped", "dropped"));
        for (Row r : rows) {
            b.append(String.format(
                    fmt, r.source(), r.kind().id(), r.role().id(), r.features(), r.clipped(), r.dropped()));
        }
        b.append(String.format(
                fmt,
                "total",
                "",
                "",
                total(),
                rows.stream().mapToInt(Row::clipped).sum(),
                rows.stream().mapToInt(Row::dropped).sum()));
        if (!unplaced.isEmpty()) {
            b.append(String.format(
                    "%d rows not placed (no address match; fix the address or add x, y):%n", unplaced.size()));
            for (LayerImport.Unplaced u : unplaced) {
                b.append(String.format("  %s, %s: %s: %s%n", u.source(), u.line(), u.address(), u.reason()));
            }
        }
        return b.toString();
    }
}
