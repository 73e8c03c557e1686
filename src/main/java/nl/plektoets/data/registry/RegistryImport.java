package nl.plektoets.data.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.DatasetInfo;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.data.bag.BagExtractImport;
import nl.plektoets.data.bag.BagImport;
import nl.plektoets.data.bgt.BgtImport;
import nl.plektoets.data.bgt.BgtRoadFunctions;
import nl.plektoets.data.brt.Top10nlPlaatsImport;
import nl.plektoets.data.cbs.CbsGemeenten;
import nl.plektoets.data.cbs.Municipality;
import nl.plektoets.data.imro.ImroImport;
import nl.plektoets.data.imro.ImroRoleMapping;
import nl.plektoets.data.layer.LayerImport;
import nl.plektoets.data.osm.OsmImport;
import nl.plektoets.data.osm.OsmImportOptions;
import nl.plektoets.geo.WorkingCrs;

/**
 * Imports a municipality's registry sources into one {@link Dataset}: zoning plans (IMRO), BAG (GeoPackage and 2.0
 * extracts), BGT, TOP10NL Plaats, own
 * layers, plus already-read sources (OpenStreetMap from the OSM importer), optionally clipped to one CBS
 * municipality, with {@link SourcePrecedence} applied and features renumbered 1..n. Writes nothing: the caller (CLI,
 * DataDirectory) stores the dataset. Every bad input raises {@link BadSourceException} naming the file.
 */
public final class RegistryImport {
    /**
     * What to import; null / empty means "not given".
     *
     * @param imro          plan files or folders of plans
     * @param imroMapping   IMRO role mapping replacing the default ({@code imro/imro-roles.yaml})
     * @param bag           BAG GeoPackage
     * @param top10nl       TOP10NL Plaats GML (.gml or .gml.gz)
     * @param gemeenten     CBS municipality boundaries (GeoJSON)
     * @param municipality  CBS code to clip to, e.g. {@code GM0160}; needs {@code gemeenten}
     * @param layers        layer mapping files ({@link LayerImport})
     * @param osm           OpenStreetMap files, read with {@link OsmImport} in the same working CRS
     * @param precedence    precedence file replacing the default ({@code registry/precedence.yaml})
     * @param crs           working CRS; null = RD New when any register is given, else (OSM only) the OSM
     *                      importer's choice: RD New inside the Netherlands, the UTM zone elsewhere
     * @param name          dataset name; null = derived from the municipality or the sources
     * @param osmMapping    OSM tag mapping replacing the default ({@code osm/tag-mapping.yaml}); null = default
     * @param bagExtracts   BAG 2.0 extract files (LV BAG XML, or zips of them: verblijfsobjecten, panden)
     * @param bgt           BGT downloads (IMGeo GML per layer, in a zip or a folder)
     * @param bgtRoads      the BGT road function table replacing the default ({@code bgt/road-functions.yaml})
     */
    public record Options(
            List<Path> imro,
            Path imroMapping,
            Path bag,
            Path top10nl,
            Path gemeenten,
            String municipality,
            List<Path> layers,
            List<Path> osm,
            Path precedence,
            WorkingCrs crs,
            String name,
            Path osmMapping,
            List<Path> bagExtracts,
            List<Path> bgt,
            Path bgtRoads) {
        public Options {
            imro = imro == null ? List.of() : List.copyOf(imro);
            layers = layers == null ? List.of() : List.copyOf(layers);
            osm = osm == null ? List.of() : List.copyOf(osm);
            bagExtracts = bagExtracts == null ? List.of() : List.copyOf(bagExtracts);
            bgt = bgt == null ? List.of() : List.copyOf(bgt);
        }

        /** Options without BAG 2.0 extracts and BGT. */
        public Options(
                List<Path> imro,
                Path imroMapping,
                Path bag,
                Path top10nl,
                Path gemeenten,
                String municipality,
                List<Path> layers,
                List<Path> osm,
                Path precedence,
                WorkingCrs crs,
                String name,
                Path osmMapping) {
            this(
                    imro,
                    imroMapping,
                    bag,
                    top10nl,
                    gemeenten,
                    municipality,
                    layers,
                    osm,
                    precedence,
                    crs,
                    name,
                    osmMapping,
                    List.of(),
                    List.of(),
                    null);
        }

        /** Options with the built-in OSM tag mapping. */
        public Options(
                List<Path> imro,
                Path imroMapping,
                Path bag,
                Path top10nl,
                Path gemeenten,
                String municipality,
                List<Path> layers,
                List<Path> osm,
                Path precedence,
                WorkingCrs crs,
                String name) {
            this(imro, imroMapping, bag, top10nl, gemeenten, municipality, layers, osm, precedence, crs, name, null);
        }
    }

    /** The dataset, the sources after precedence, the decisions taken and the summary table. */
    public record Result(
            Dataset dataset,
            SourcePrecedence.Resolution resolution,
            ImportSummary summary,
            Municipality municipality) {}

    private RegistryImport() {}

    /** The sources were read, but none of their features maps to a role: a mapping to write, not a broken file. */
    public static final class NoRoleException extends RuntimeException {
        public NoRoleException(String message) {
            super(message);
        }
    }

    /**
     * @param others   sources read elsewhere (e.g. OSM), taken as they are, clipped too
     * @param progress one line per step, e.g. "IMRO NL.IMRO....gml"
     */
    public static Result run(Options o, List<SourceFeatures> others, ImportProgress importProgress) {
        ImportProgress ip = importProgress == null ? ImportProgress.NONE : importProgress;
        Consumer<String> progress = step -> ip.phase(step, -1);
        // Dutch registers are in RD New; an OSM-only import lets the OSM importer choose (RD New inside the
        // Netherlands, else the UTM zone of the data) and holds every further file to that choice
        boolean registers = !o.imro().isEmpty()
                || o.bag() != null
                || !o.bagExtracts().isEmpty()
                || !o.bgt().isEmpty()
                || o.top10nl() != null
                || o.gemeenten() != null
                || !o.layers().isEmpty();
        WorkingCrs crs = o.crs() != null ? o.crs() : registers || o.osm().isEmpty() ? WorkingCrs.rdNew() : null;
        Municipality m = null;
        if (o.municipality() != null) {
            if (o.gemeenten() == null) {
                throw new IllegalArgumentException("--municipality " + o.municipality() + " needs --gemeenten FILE (CBS"
                        + " gemeentegrenzen GeoJSON) to know its boundary");
            }
            progress.accept("CBS " + o.gemeenten().getFileName() + " " + o.municipality());
            m = CbsGemeenten.find(o.gemeenten(), o.municipality(), crs);
        }
        List<SourceFeatures> sources = new ArrayList<>();
        if (!o.imro().isEmpty()) {
            ImroRoleMapping mapping = ImroRoleMapping.load(o.imroMapping());
            for (Path p : o.imro()) sources.addAll(ImroImport.read(p, mapping, crs, progress));
        }
        if (o.bag() != null) sources.add(BagImport.read(o.bag(), crs, progress));
        for (Path p : o.bagExtracts()) sources.add(BagExtractImport.read(p, crs, progress));
        if (!o.bgt().isEmpty()) {
            BgtRoadFunctions roads = BgtRoadFunctions.load(o.bgtRoads());
            for (Path p : o.bgt()) sources.add(BgtImport.read(p, roads, crs, progress));
        }
        if (o.top10nl() != null)
            sources.add(Top10nlPlaatsImport.read(o.top10nl(), Top10nlPlaatsImport.Mapping.defaults(), crs, progress));
        // a list of establishments with addresses only is placed on the address layer read so far (BAG)
        List<LayerImport.Unplaced> unplaced = new ArrayList<>();
        if (!o.layers().isEmpty()) {
            AddressLayerLookup addresses = new AddressLayerLookup(
                    sources.stream().flatMap(s -> s.features().stream()).toList());
            for (Path l : o.layers())
                sources.addAll(
                        LayerImport.read(l, crs, progress, addresses.size() == 0 ? null : addresses, unplaced::add));
        }
        String osmName = null;
        for (Path f : o.osm()) {
            Dataset d = OsmImport.read(
                    f, new OsmImportOptions(crs, o.osmMapping(), f.getFileName().toString(), false), ip);
            if (crs == null) crs = WorkingCrs.of(d.info().workingCrs());
            if (osmName == null) osmName = d.info().name();
            List<Feature> fs =
                    d.layers().values().stream().flatMap(List::stream).toList();
            sources.add(new SourceFeatures(SourceKind.OSM, f.getFileName().toString(), fs, List.of(), List.of()));
        }
        sources.addAll(others);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(
                    "nothing to import: give at least one of --imro, --bag, --bag-extract, --bgt, --top10nl, --layers,"
                            + " --osm");
        }
        // read, but nothing mapped to a role: a role mapping is missing (said below when nothing is left)
        boolean nothingMapped = sources.stream().allMatch(s -> s.features().isEmpty());
        if (m != null) {
            List<SourceFeatures> clipped = new ArrayList<>();
            for (SourceFeatures s : sources) {
                SourceFeatures c = CbsGemeenten.clip(s, m);
                if (c.coverage().isEmpty() && s.coverage().isEmpty()) {
                    // a clipped register speaks for the whole municipality (see SourcePrecedence)
                    c = new SourceFeatures(
                            c.kind(),
                            c.name(),
                            c.features(),
                            List.of(new SourceFeatures.Coverage(m.code() + " " + m.name(), m.boundary())),
                            c.notes());
                }
                clipped.add(c);
            }
            sources = clipped;
        }
        SourcePrecedence precedence = SourcePrecedence.load(o.precedence());
        progress.accept("precedence " + precedence.describe());
        SourcePrecedence.Resolution resolution = precedence.resolve(sources);

        List<Feature> all = new ArrayList<>();
        long id = 1;
        for (SourceFeatures s : resolution.sources()) {
            for (Feature f : s.features())
                all.add(new Feature(id++, f.role(), f.geometry(), f.attributes(), f.provenance()));
        }
        if (all.isEmpty()) {
            List<String> zones = new ArrayList<>();
            for (SourceFeatures s : sources) {
                for (String n : s.notes()) if (n.contains(ImroImport.UNMAPPED_ZONES)) zones.add(n);
            }
            if (nothingMapped && !zones.isEmpty()) {
                throw new NoRoleException("no features left: the zoning plan has only zones that map to no role ("
                        + String.join("; ", zones) + "). If a zone is one of the roles (built_up_area, business_park,"
                        + " recreation_zone, agricultural_plot, water), map it in a role mapping file: copy"
                        + " src/main/resources/imro/imro-roles.yaml, add a rule with its role, 'type: Enkelbestemming' and"
                        + " 'hoofdgroep: [the zone]', and import again with --imro-mapping FILE");
            }
            throw new BadSourceException(
                    o.gemeenten() == null ? Path.of("import") : o.gemeenten(),
                    null,
                    "no features left"
                            + (m == null
                                    ? ""
                                    : " inside " + m.code() + " " + m.name()
                                            + ": are the sources of this municipality?"));
        }
        List<String> described = new ArrayList<>();
        for (SourceFeatures s : resolution.sources()) {
            described.add(s.kind().id() + ": " + s.name() + licence(s.kind()));
            described.addAll(s.notes());
        }
        if (m != null)
            described.add("cbs: " + o.gemeenten().getFileName() + " (CBS, Kadaster/PDOK, CC BY 4.0), clipped to "
                    + m.code() + " " + m.name());
        described.add("precedence: " + precedence.describe() + "; "
                + resolution.decisions().size() + " lower-ranked features cut or dropped");
        String name = o.name() != null
                ? o.name()
                : m != null ? m.name() + " (registers)" : !registers && osmName != null ? osmName : "registers";
        Dataset dataset = new Dataset(new DatasetInfo(name, false, described, crs.code()), all);
        ip.finished(String.format(
                java.util.Locale.ROOT,
                "%,d features from %d sources",
                all.size(),
                resolution.sources().size()));
        return new Result(dataset, resolution, ImportSummary.of(resolution, unplaced), m);
    }

    private static String licence(SourceKind k) {
        return switch (k) {
            case IMRO -> " (zoning plan, ruimtelijkeplannen.nl)";
            case BAG -> " (BAG, Kadaster, CC0)";
            case BGT -> " (BGT, the municipality's base map via PDOK, CC0)";
            case BRT -> " (TOP10NL, Kadaster/PDOK, CC BY 4.0)";
            case CBS -> " (CBS, CC BY 4.0)";
            case OSM -> " (OpenStreetMap, ODbL)";
            case LAYER -> " (municipal layer)";
        };
    }
}
