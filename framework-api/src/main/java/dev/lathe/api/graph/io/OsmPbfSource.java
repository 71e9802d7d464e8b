package dev.lathe.api.graph.io;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import crosby.binary.file.FileBlock;
import crosby.binary.file.FileBlockPosition;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenStreetMap PBF file ({@code .osm.pbf}) with the OSM-binary library
 * ({@code org.openstreetmap.pbf:osmpbf}), which splits the file into blocks, inflates them and
 * decodes the protocol buffers; this class decodes the delta-coded ids, references and
 * coordinates. A file cut short, a corrupt block, or a block compressed other than by zlib fails
 * with the block's number and byte offset.
 */
final class OsmPbfSource implements OsmSource {

  /** The features of a PBF header that this reader understands. */
  private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

  private final Path file;

  OsmPbfSource(Path file) {
    this.file = file;
  }

  @Override
  public void readWays(WayVisitor visitor) throws IOException {
    read(new Parser() {
      @Override
      protected void parseWays(List<Osmformat.Way> ways) {
        Map<String, String> tags = new HashMap<>();
        for (Osmformat.Way way : ways) {
          tags.clear();
          for (int i = 0; i < way.getKeysCount(); i++) {
            tags.put(getStringById(way.getKeys(i)), getStringById(way.getVals(i)));
          }
          long[] refs = new long[way.getRefsCount()];
          long ref = 0;
          for (int i = 0; i < refs.length; i++) {
            ref += way.getRefs(i);
            refs[i] = ref;
          }
          visitor.way(way.getId(), refs, tags);
        }
      }
    });
  }

  @Override
  public void readNodes(NodeVisitor visitor) throws IOException {
    read(new Parser() {
      @Override
      protected void parseNodes(List<Osmformat.Node> nodes) {
        for (Osmformat.Node node : nodes) {
          visitor.node(node.getId(), latitude(node.getLat()), longitude(node.getLon()));
        }
      }

      @Override
      protected void parseDense(Osmformat.DenseNodes nodes) {
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (int i = 0; i < nodes.getIdCount(); i++) {
          id += nodes.getId(i);
          lat += nodes.getLat(i);
          lon += nodes.getLon(i);
          visitor.node(id, latitude(lat), longitude(lon));
        }
      }
    });
  }

  /** Counts the bytes read, so that a file cut short between blocks is noticed. */
  private static final class CountingStream extends FilterInputStream {
    private long position;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      position += skipped;
      return skipped;
    }
  }

  /** A parser that ignores what the pass does not need and tracks where each block ends. */
  private abstract class Parser extends BinaryParser {
    CountingStream stream;
    int blocks;
    long blockStart;
    long expectedEnd;
    long granularity;
    long latitudeOffset;
    long longitudeOffset;

    @Override
    public void parse(Osmformat.PrimitiveBlock block) {
      granularity = block.getGranularity();
      latitudeOffset = block.getLatOffset();
      longitudeOffset = block.getLonOffset();
      super.parse(block);
    }

    /**
     * Degrees from a stored coordinate: exact nanodegrees divided by 10^9, which rounds once, to
     * the same double as the decimal degrees of an XML file.
     */
    double latitude(long stored) {
      return (granularity * stored + latitudeOffset) / 1e9;
    }

    double longitude(long stored) {
      return (granularity * stored + longitudeOffset) / 1e9;
    }
    FileFormatException failure;

    @Override
    public boolean skipBlock(FileBlockPosition block) {
      blocks++;
      blockStart = expectedEnd;
      expectedEnd = stream.position + block.getDatasize();
      return !block.getType().equals("OSMHeader") && !block.getType().equals("OSMData");
    }

    @Override
    public void handleBlock(FileBlock message) {
      if (failure != null) {
        return;
      }
      if (message.getData() == null) {
        failure = error("is compressed in a way this reader cannot inflate (only raw and zlib"
            + " blocks are supported)", null);
        return;
      }
      super.handleBlock(message);
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
      for (String feature : header.getRequiredFeaturesList()) {
        if (!SUPPORTED_FEATURES.contains(feature) && failure == null) {
          failure = error("requires the feature '" + feature + "', which this reader does not"
              + " support (it reads " + SUPPORTED_FEATURES + ")", null);
        }
      }
    }

    /** An error in the block being read: the last one announced, or the next if its header is. */
    FileFormatException error(String problem, Throwable cause) {
      boolean inNextHeader = stream.position > expectedEnd;
      return new FileFormatException(file.toString(), "block " + (inNextHeader ? blocks + 1
          : blocks) + " (at byte " + (inNextHeader ? expectedEnd : blockStart) + ") " + problem,
          cause);
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> nodes) {}

    @Override
    protected void parseDense(Osmformat.DenseNodes nodes) {}

    @Override
    protected void parseWays(List<Osmformat.Way> ways) {}

    @Override
    protected void parseRelations(List<Osmformat.Relation> relations) {}

    @Override
    public void complete() {
      // the end of the file; read() checks that it fell between blocks
    }
  }

  private void read(Parser parser) throws IOException {
    try (CountingStream in = new CountingStream(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      parser.stream = in;
      try {
        new BlockInputStream(in, parser).process();
      } catch (UncheckedIOException | IllegalArgumentException e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        throw parser.error("is corrupt: " + cause.getMessage(), cause);
      } catch (IOException e) {
        throw parser.error("cannot be read: " + e.getMessage(), e);
      } catch (AssertionError e) {
        // osmpbf asserts that a zlib block inflated completely; with -ea that is how a damaged
        // block shows (without -ea the protocol buffer parse fails instead)
        throw parser.error("is corrupt: its zlib data does not inflate completely", e);
      }
      if (parser.failure != null) {
        throw parser.failure;
      }
      if (parser.blocks == 0) {
        throw new FileFormatException(file.toString(), "holds no PBF blocks", null);
      }
      if (in.position != parser.expectedEnd) {
        throw parser.error("is cut short: the file ends at byte " + in.position, null);
      }
    }
  }
}
