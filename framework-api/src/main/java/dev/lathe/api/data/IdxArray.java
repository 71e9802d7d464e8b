package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apiguardian.api.API;

/**
 * An array of unsigned bytes read from an IDX file, the format of MNIST and Fashion-MNIST: a
 * 4-byte magic number {@code 00 00 08 r} (unsigned bytes, rank {@code r}), then {@code r}
 * dimensions as 32-bit big-endian integers, then the values in row-major order. A file that starts
 * with the gzip signature is decompressed while it is read, whatever its name.
 */
@API(status = STABLE, since = "0.1")
public final class IdxArray {

  /** The IDX type code of unsigned bytes, the only type these files hold. */
  static final int UNSIGNED_BYTE = 0x08;

  private final int[] dimensions;
  private final byte[] values;

  private IdxArray(int[] dimensions, byte[] values) {
    this.dimensions = dimensions;
    this.values = values;
  }

  /**
   * Reads the IDX file {@code file}, gzip-compressed or not.
   *
   * @throws MalformedDataException naming the file if its magic number is wrong, its type is not
   *     unsigned bytes, it is shorter or longer than its dimensions say, or its gzip stream is
   *     broken
   * @throws IOException if it cannot be read
   */
  public static IdxArray read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      DataInputStream data = new DataInputStream(in);
      byte[] magic = data.readNBytes(4);
      if (magic.length < 4 || magic[0] != 0 || magic[1] != 0) {
        throw new MalformedDataException(file, "not an IDX file: magic number "
            + hex(magic) + ", expected 0x000008 followed by the rank");
      }
      if (magic[2] != UNSIGNED_BYTE) {
        throw new MalformedDataException(file, "holds IDX type 0x"
            + String.format("%02X", magic[2] & 0xFF)
            + "; only unsigned bytes (0x08) are read");
      }
      int rank = magic[3] & 0xFF;
      if (rank == 0) {
        throw new MalformedDataException(file, "IDX rank is 0");
      }
      byte[] header = data.readNBytes(4 * rank);
      if (header.length < 4 * rank) {
        throw new MalformedDataException(file, "truncated: the header ends after "
            + (4 + header.length) + " bytes, before its " + rank + " dimensions");
      }
      int[] dimensions = new int[rank];
      long size = 1;
      for (int i = 0; i < rank; i++) {
        int d = ((header[4 * i] & 0xFF) << 24) | ((header[4 * i + 1] & 0xFF) << 16)
            | ((header[4 * i + 2] & 0xFF) << 8) | (header[4 * i + 3] & 0xFF);
        if (d < 0) {
          throw new MalformedDataException(file, "dimension " + i + " is "
              + Integer.toUnsignedString(d) + ", more than Lathe can hold in one array");
        }
        dimensions[i] = d;
        size *= d;
        if (size > Integer.MAX_VALUE - 8) {
          throw new MalformedDataException(file, "dimensions " + Arrays.toString(
              Arrays.copyOf(dimensions, i + 1)) + " hold more values than one array can");
        }
      }
      byte[] values = data.readNBytes((int) size);
      if (values.length < size) {
        throw new MalformedDataException(file, "truncated: dimensions "
            + Arrays.toString(dimensions) + " need " + size + " bytes of values, found "
            + values.length);
      }
      if (data.read() != -1) {
        throw new MalformedDataException(file, "has bytes after the " + size
            + " values that dimensions " + Arrays.toString(dimensions) + " need");
      }
      return new IdxArray(dimensions, values);
    } catch (EOFException e) {
      throw new MalformedDataException(file, "truncated gzip stream (" + e.getMessage() + ")");
    } catch (ZipException e) {
      throw new MalformedDataException(file, "corrupt gzip stream (" + e.getMessage() + ")");
    }
  }

  private static InputStream open(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1F && b1 == 0x8B) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder("0x");
    for (byte b : bytes) {
      s.append(String.format("%02X", b & 0xFF));
    }
    return bytes.length == 4 ? s.toString() : s + " (only " + bytes.length + " bytes)";
  }

  /** The number of dimensions. */
  public int rank() {
    return dimensions.length;
  }

  /** The size of dimension {@code axis}, counted from 0. */
  public int dimension(int axis) {
    return dimensions[axis];
  }

  /** The dimensions, outermost first; a copy. */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of values: the product of the dimensions. */
  public int size() {
    return values.length;
  }

  /** The value at row-major position {@code index}, from 0 to 255. */
  public int unsignedByte(int index) {
    return values[index] & 0xFF;
  }

  /** The values at row-major positions, each divided by 255: from 0 to 1. */
  float[] normalised() {
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = v / 255f;
    }
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = table[values[i] & 0xFF];
    }
    return out;
  }

  @Override
  public String toString() {
    return "IdxArray" + Arrays.toString(dimensions);
  }
}
