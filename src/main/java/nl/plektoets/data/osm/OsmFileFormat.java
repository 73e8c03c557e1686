package nl.plektoets.data.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The container formats of OSM data, told apart by their first bytes rather than by the file name, so a
 * mis-named file is still read and a non-OSM file is refused with a clear message.
 */
enum OsmFileFormat {
    /** Plain OSM XML ({@code .osm}). */
    XML,
    /** Gzip-compressed OSM XML ({@code .osm.gz}). */
    GZIP_XML,
    /** Bzip2-compressed OSM XML ({@code .osm.bz2}, the planet dump's format). */
    BZIP2_XML,
    /** Protocol-buffer binary format ({@code .osm.pbf}). */
    PBF;

    /** Reads the first bytes of the file and names its format, or throws saying what the file looks like. */
    static OsmFileFormat detect(Path file) {
        byte[] head = new byte[32];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new OsmImportException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n == 0)
            throw new OsmImportException(file.getFileName() + " is empty: expected OpenStreetMap data"
                    + " (.osm, .osm.gz, .osm.bz2 or .osm.pbf)");
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return GZIP_XML;
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') return BZIP2_XML;
        // PBF: a 4-byte big-endian BlobHeader length, then field 1 (type) = "OSMHeader"
        if (n >= 15
                && head[0] == 0
                && head[1] == 0
                && head[4] == 0x0a
                && head[5] == 9
                && new String(head, 6, 9, StandardCharsets.US_ASCII).equals("OSMHeader")) {
            return PBF;
        }
        if (startsLikeXml(head, n)) return XML;
        throw new OsmImportException(file.getFileName() + " is not an OpenStreetMap file: it starts with bytes "
                + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(n, 8)) + "; expected OSM XML (<osm ...>),"
                + " gzip- or bzip2-compressed OSM XML, or OSM PBF");
    }

    private static boolean startsLikeXml(byte[] head, int n) {
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) i = 3;
        while (i < n && Character.isWhitespace(head[i])) i++;
        return i < n && head[i] == '<';
    }

    /** The decompressed stream of an XML format, reading from {@code raw}. */
    InputStream decompress(InputStream raw) throws IOException {
        return switch (this) {
            case XML, PBF -> raw;
            case GZIP_XML -> new GZIPInputStream(raw, 1 << 16);
            // decompressConcatenated: pbzip2 and the planet dumps write several bzip2 streams back to back
            case BZIP2_XML -> new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
        };
    }
}
