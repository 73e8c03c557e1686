package nl.plektoets.data.gml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.plektoets.data.BadSourceException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Streaming reader for GML 2, 3.1 and 3.2 geometries (the namespaces differ, the element names do not, so elements
 * are matched by local name). Reads what Dutch registry files use: Point, LineString, Curve with LineStringSegment /
 * Arc / ArcString / Circle segments, LinearRing and Ring (curveMember), Polygon and Surface/PolygonPatch with
 * interiors (holes), MultiSurface / MultiPolygon / CompositeSurface, MultiPoint, MultiCurve / MultiLineString;
 * coordinates as posList, pos or GML 2 coordinates, 2D or 3D ({@code srsDimension}; heights dropped). Arcs are
 * densified by {@link ArcDensifier} (0.1 m). Coordinates are returned as written: the caller converts them with the
 * returned {@code srsName}.
 */
public final class GmlGeometryReader {
    /** A geometry as written in the file, with its (possibly inherited) srsName. */
    public record GmlGeometry(Geometry geometry, String srsName) {}

    private final Path file;
    private final GeometryFactory factory;
    private final ArcDensifier arcs;

    public GmlGeometryReader(Path file, GeometryFactory factory, ArcDensifier arcs) {
        this.file = file;
        this.factory = factory;
        this.arcs = arcs;
    }

    /** Local names of the elements this reader accepts as a geometry root. */
    public static boolean isGeometry(String localName) {
        return switch (localName) {
            case "Point",
                    "LineString",
                    "Curve",
                    "LinearRing",
                    "Polygon",
                    "Surface",
                    "PolygonPatch",
                    "MultiSurface",
                    "MultiPolygon",
                    "CompositeSurface",
                    "MultiPoint",
                    "MultiCurve",
                    "MultiLineString",
                    "MultiGeometry" -> true;
            default -> false;
        };
    }

    /**
     * Reads the geometry whose start element the reader is on; returns with the reader on its end element.
     *
     * @param inheritedSrs the srsName in force (from an enclosing element or the file), or null
     */
    public GmlGeometry read(XMLStreamReader r, String inheritedSrs) throws XMLStreamException {
        String srs = attr(r, "srsName");
        if (srs == null) srs = inheritedSrs;
        int dim = dimension(r, 2);
        Geometry g = geometry(r, dim);
        return new GmlGeometry(g, srs);
    }

    private Geometry geometry(XMLStreamReader r, int dim) throws XMLStreamException {
        String name = r.getLocalName();
        dim = dimension(r, dim);
        switch (name) {
            case "Point": {
                List<Coordinate> cs = coordinates(r, dim);
                if (cs.size() != 1) throw bad(r, "a Point needs exactly one position, found " + cs.size());
                return factory.createPoint(cs.get(0));
            }
            case "LineString":
                return factory.createLineString(
                        atLeast(r, coordinates(r, dim), 2).toArray(Coordinate[]::new));
            case "Curve":
                return factory.createLineString(atLeast(r, curve(r, dim), 2).toArray(Coordinate[]::new));
            case "LinearRing":
                return factory.createPolygon(ring(r, coordinates(r, dim)));
            case "Polygon", "PolygonPatch":
                return polygon(r, dim);
            case "Surface": {
                List<Polygon> patches = new ArrayList<>();
                while (nextChild(r)) {
                    if (r.getLocalName().equals("patches") || r.getLocalName().equals("polygonPatches")) {
                        while (nextChild(r)) {
                            if (!r.getLocalName().equals("PolygonPatch")) {
                                throw bad(
                                        r,
                                        "unsupported surface patch gml:" + r.getLocalName()
                                                + "; expected PolygonPatch");
                            }
                            patches.add(polygon(r, dim));
                        }
                    } else {
                        skip(r);
                    }
                }
                if (patches.isEmpty()) throw bad(r, "a Surface without patches");
                return patches.size() == 1
                        ? patches.get(0)
                        : factory.createMultiPolygon(patches.toArray(Polygon[]::new));
            }
            case "MultiSurface",
                    "MultiPolygon",
                    "CompositeSurface",
                    "MultiPoint",
                    "MultiCurve",
                    "MultiLineString",
                    "MultiGeometry": {
                List<Geometry> parts = new ArrayList<>();
                while (nextChild(r)) {
                    // surfaceMember(s), polygonMember, pointMember(s), curveMember(s), lineStringMember,
                    // geometryMember(s)
                    while (nextChild(r)) {
                        parts.add(geometry(r, dimension(r, dim)));
                    }
                }
                if (parts.isEmpty()) throw bad(r, "an empty gml:" + name);
                return factory.buildGeometry(flatten(parts));
            }
            default:
                throw bad(r, "unsupported geometry gml:" + name);
        }
    }

    private static List<Geometry> flatten(List<Geometry> parts) {
        List<Geometry> out = new ArrayList<>();
        for (Geometry g : parts) {
            for (int i = 0; i < g.getNumGeometries(); i++) out.add(g.getGeometryN(i));
        }
        return out;
    }

    private Polygon polygon(XMLStreamReader r, int dim) throws XMLStreamException {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        while (nextChild(r)) {
            String boundary = r.getLocalName();
            boolean outer = boundary.equals("exterior") || boundary.equals("outerBoundaryIs");
            boolean inner = boundary.equals("interior") || boundary.equals("innerBoundaryIs");
            if (!outer && !inner) {
                skip(r);
                continue;
            }
            while (nextChild(r)) {
                LinearRing ring = anyRing(r, dim);
                if (outer) shell = ring;
                else holes.add(ring);
            }
        }
        if (shell == null) throw bad(r, "a polygon without exterior ring");
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing anyRing(XMLStreamReader r, int dim) throws XMLStreamException {
        String name = r.getLocalName();
        if (name.equals("LinearRing")) return ring(r, coordinates(r, dimension(r, dim)));
        if (name.equals("Ring")) {
            CoordinateList cs = new CoordinateList();
            while (nextChild(r)) { // curveMember
                while (nextChild(r)) {
                    String curve = r.getLocalName();
                    List<Coordinate> part = switch (curve) {
                        case "Curve" -> curve(r, dim);
                        case "LineString" -> coordinates(r, dimension(r, dim));
                        default -> throw bad(r, "unsupported ring member gml:" + curve);
                    };
                    cs.addAll(part, false);
                }
            }
            return ring(r, cs);
        }
        throw bad(r, "unsupported ring gml:" + name);
    }

    /** The coordinates of a gml:Curve, arcs densified. */
    private List<Coordinate> curve(XMLStreamReader r, int dim) throws XMLStreamException {
        CoordinateList out = new CoordinateList();
        while (nextChild(r)) {
            if (!r.getLocalName().equals("segments")) {
                skip(r);
                continue;
            }
            while (nextChild(r)) {
                String seg = r.getLocalName();
                int line = r.getLocation().getLineNumber();
                List<Coordinate> pts = coordinates(r, dimension(r, dim));
                switch (seg) {
                    case "LineStringSegment", "LineString" -> out.addAll(pts, false);
                    case "Arc", "ArcString" -> {
                        if (pts.size() < 3 || pts.size() % 2 == 0) {
                            throw new BadSourceException(
                                    file,
                                    "line " + line,
                                    "gml:" + seg + " needs 3, 5, 7... points (start, on-arc, end), found "
                                            + pts.size());
                        }
                        List<Coordinate> dense = new ArrayList<>();
                        dense.add(pts.get(0));
                        for (int i = 0; i + 2 < pts.size(); i += 2)
                            arcs.appendArc(pts.get(i), pts.get(i + 1), pts.get(i + 2), dense);
                        out.addAll(dense, false);
                    }
                    case "Circle" -> {
                        if (pts.size() != 3) {
                            throw new BadSourceException(
                                    file, "line " + line, "gml:Circle needs 3 points, found " + pts.size());
                        }
                        List<Coordinate> dense = new ArrayList<>();
                        arcs.appendCircle(pts.get(0), pts.get(1), pts.get(2), dense);
                        out.addAll(dense, false);
                    }
                    default ->
                        throw new BadSourceException(
                                file,
                                "line " + line,
                                "unsupported curve segment gml:" + seg
                                        + " (supported: LineStringSegment, Arc, ArcString, Circle)");
                }
            }
        }
        return out;
    }

    /** Positions inside the current element (posList, pos, coordinates), to its end. */
    private List<Coordinate> coordinates(XMLStreamReader r, int dim) throws XMLStreamException {
        List<Coordinate> out = new ArrayList<>();
        while (nextChild(r)) {
            String name = r.getLocalName();
            int d = dimension(r, dim);
            int line = r.getLocation().getLineNumber();
            switch (name) {
                case "posList" -> {
                    String[] t = r.getElementText().trim().split("\\s+");
                    if (t.length % d != 0) {
                        throw new BadSourceException(
                                file,
                                "line " + line,
                                "gml:posList has " + t.length + " numbers, not a multiple of its dimension " + d
                                        + " (truncated file?)");
                    }
                    for (int i = 0; i < t.length; i += d) out.add(new Coordinate(num(t[i], line), num(t[i + 1], line)));
                }
                case "pos" -> {
                    String[] t = r.getElementText().trim().split("\\s+");
                    if (t.length < 2)
                        throw new BadSourceException(file, "line " + line, "gml:pos needs at least 2 numbers");
                    out.add(new Coordinate(num(t[0], line), num(t[1], line)));
                }
                case "coordinates" -> {
                    for (String tuple : r.getElementText().trim().split("\\s+")) {
                        String[] t = tuple.split(",");
                        if (t.length < 2)
                            throw new BadSourceException(file, "line " + line, "gml:coordinates tuple '" + tuple + "'");
                        out.add(new Coordinate(num(t[0], line), num(t[1], line)));
                    }
                }
                default -> skip(r);
            }
        }
        return out;
    }

    private double num(String s, int line) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadSourceException(file, "line " + line, "'" + s + "' is not a coordinate number");
        }
    }

    private LinearRing ring(XMLStreamReader r, List<Coordinate> cs) {
        if (cs.size() > 0 && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            throw bad(r, "ring not closed: first point " + cs.get(0) + " differs from last " + cs.get(cs.size() - 1));
        }
        if (cs.size() < 4) throw bad(r, "a ring needs at least 4 positions, found " + cs.size());
        return factory.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private List<Coordinate> atLeast(XMLStreamReader r, List<Coordinate> cs, int n) {
        if (cs.size() < n) throw bad(r, "a line needs at least " + n + " positions, found " + cs.size());
        return cs;
    }

    private BadSourceException bad(XMLStreamReader r, String problem) {
        return new BadSourceException(file, "line " + r.getLocation().getLineNumber(), problem);
    }

    /** Moves to the next child start element of the current element; false (on the end element) when none left. */
    public static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) return true;
            if (e == XMLStreamConstants.END_ELEMENT) return false;
            if (e == XMLStreamConstants.END_DOCUMENT)
                throw new XMLStreamException("unexpected end of document", r.getLocation());
        }
    }

    /** Skips the current element and everything in it; returns on its end element. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) depth++;
            else if (e == XMLStreamConstants.END_ELEMENT) depth--;
            else if (e == XMLStreamConstants.END_DOCUMENT)
                throw new XMLStreamException("unexpected end of document", r.getLocation());
        }
    }

    private static String attr(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) return r.getAttributeValue(i);
        }
        return null;
    }

    private int dimension(XMLStreamReader r, int inherited) {
        String d = attr(r, "srsDimension");
        if (d == null) return inherited;
        try {
            int v = Integer.parseInt(d.trim());
            if (v < 2 || v > 4) throw bad(r, "srsDimension " + v + " is not 2, 3 or 4");
            return v;
        } catch (NumberFormatException e) {
            throw bad(r, "srsDimension '" + d + "' is not a number");
        }
    }
}
