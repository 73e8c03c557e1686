package nl.plektoets.data.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams OSM PBF into an {@link OsmSink}. The block loop (length-prefixed BlobHeader + Blob, zlib) is ours so that
 * a file cut off in the middle of a block is reported as truncated instead of ending silently; the decoding of
 * the primitive blocks (string table, granularity, offsets) is osmpbf's {@link BinaryParser}.
 */
final class OsmPbfReader {
    /** Limits from the PBF specification; anything larger means the file is not PBF or is corrupt. */
    private static final int MAX_HEADER = 64 * 1024;

    private static final int MAX_BLOB = 32 * 1024 * 1024;
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

    /** Reads the whole file; a truncated or corrupt file comes out as an IOException saying so. */
    void read(InputStream raw, OsmSink sink) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        Decoder decoder = new Decoder(sink);
        int block = 0;
        while (true) {
            int first = in.read();
            if (first < 0) break; // a clean end: between two blocks
            int headerLength;
            try {
                headerLength = (first << 24)
                        | (in.readUnsignedByte() << 16)
                        | (in.readUnsignedByte() << 8)
                        | in.readUnsignedByte();
                if (headerLength <= 0 || headerLength > MAX_HEADER) {
                    throw new IOException("block " + block + " has an invalid header length " + headerLength
                            + " (the file is corrupt)");
                }
                Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(readFully(in, headerLength));
                if (header.getDatasize() < 0 || header.getDatasize() > MAX_BLOB) {
                    throw new IOException("block " + block + " declares " + header.getDatasize()
                            + " bytes of data (the file is corrupt)");
                }
                Fileformat.Blob blob = Fileformat.Blob.parseFrom(readFully(in, header.getDatasize()));
                byte[] data = uncompress(blob, block);
                switch (header.getType()) {
                    case "OSMHeader" -> header(Osmformat.HeaderBlock.parseFrom(data), sink);
                    case "OSMData" -> decoder.parse(Osmformat.PrimitiveBlock.parseFrom(data));
                    default -> {} // unknown block types are to be skipped, says the specification
                }
            } catch (EOFException e) {
                throw new IOException("the file is truncated: it ends inside block " + block, e);
            }
            block++;
        }
        if (block == 0) throw new IOException("the file holds no PBF blocks");
    }

    private static byte[] readFully(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static byte[] uncompress(Fileformat.Blob blob, int block) throws IOException {
        if (blob.hasRaw()) return blob.getRaw().toByteArray();
        if (blob.hasZlibData()) {
            if (blob.getRawSize() < 0 || blob.getRawSize() > MAX_BLOB) {
                throw new IOException("block " + block + " declares an invalid size " + blob.getRawSize());
            }
            byte[] out = new byte[blob.getRawSize()];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(blob.getZlibData().toByteArray());
                int n = inflater.inflate(out);
                if (n != out.length || !inflater.finished()) {
                    throw new IOException("block " + block + " inflates to " + n + " bytes, declared " + out.length
                            + " (the file is corrupt)");
                }
            } catch (DataFormatException e) {
                throw new IOException("block " + block + " holds corrupt zlib data", e);
            } finally {
                inflater.end();
            }
            return out;
        }
        throw new IOException("block " + block + " uses a compression this reader does not support (lzma/zstd);"
                + " convert the file with `osmium cat -o out.osm.pbf in.osm.pbf` first");
    }

    private static void header(Osmformat.HeaderBlock header, OsmSink sink) throws IOException {
        for (String feature : header.getRequiredFeaturesList()) {
            if (!SUPPORTED_FEATURES.contains(feature)) {
                throw new IOException("the file requires the PBF feature '" + feature + "', which this reader does"
                        + " not support (history files cannot be imported; use a current extract)");
            }
        }
        if (header.hasBbox()) {
            Osmformat.HeaderBBox b = header.getBbox();
            sink.bounds(b.getLeft() * 1e-9, b.getBottom() * 1e-9, b.getRight() * 1e-9, b.getTop() * 1e-9);
        }
    }

    /** Turns decoded primitive blocks into sink calls; ids, refs and dense coordinates are delta-coded. */
    private static final class Decoder extends BinaryParser {
        private static final String[] NO_TAGS = new String[0];
        private final OsmSink sink;

        Decoder(OsmSink sink) {
            this.sink = sink;
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            long id = 0, lat = 0, lon = 0;
            int kv = 0;
            int kvCount = nodes.getKeysValsCount();
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                lat += nodes.getLat(i);
                lon += nodes.getLon(i);
                String[] tags = NO_TAGS;
                if (kvCount > 0) {
                    int start = kv;
                    while (nodes.getKeysVals(kv) != 0) kv += 2;
                    int pairs = (kv - start) / 2;
                    if (pairs > 0) {
                        tags = new String[pairs * 2];
                        for (int p = 0; p < pairs * 2; p++) tags[p] = getStringById(nodes.getKeysVals(start + p));
                    }
                    kv++; // the 0 that ends this node's pairs
                }
                sink.node(id, parseLon(lon), parseLat(lat), tags);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                String[] tags = new String[n.getKeysCount() * 2];
                for (int i = 0; i < n.getKeysCount(); i++) {
                    tags[2 * i] = getStringById(n.getKeys(i));
                    tags[2 * i + 1] = getStringById(n.getVals(i));
                }
                sink.node(n.getId(), parseLon(n.getLon()), parseLat(n.getLat()), tags);
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way w : ways) {
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                String[] tags = new String[w.getKeysCount() * 2];
                for (int i = 0; i < w.getKeysCount(); i++) {
                    tags[2 * i] = getStringById(w.getKeys(i));
                    tags[2 * i + 1] = getStringById(w.getVals(i));
                }
                sink.way(w.getId(), refs, tags);
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            for (Osmformat.Relation r : relations) {
                OsmMember[] members = new OsmMember[r.getMemidsCount()];
                long ref = 0;
                for (int i = 0; i < members.length; i++) {
                    ref += r.getMemids(i);
                    char type = switch (r.getTypes(i)) {
                        case NODE -> 'n';
                        case WAY -> 'w';
                        case RELATION -> 'r';
                    };
                    members[i] = new OsmMember(type, ref, getStringById(r.getRolesSid(i)));
                }
                String[] tags = new String[r.getKeysCount() * 2];
                for (int i = 0; i < r.getKeysCount(); i++) {
                    tags[2 * i] = getStringById(r.getKeys(i));
                    tags[2 * i + 1] = getStringById(r.getVals(i));
                }
                sink.relation(r.getId(), members, tags);
            }
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            // headers are handled by the block loop, which sees them before this parser does
        }

        @Override
        public void complete() {}
    }
}
