package dev.lathe.nd4j.train;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npy} format (version 1.0 written, 1.0 to 3.0 read) for 32-bit float arrays in
 * C order, as specified in NumPy's {@code numpy.lib.format}: a magic string, a version, the
 * length of a header, a header that is a Python dict literal with the keys {@code descr},
 * {@code fortran_order} and {@code shape}, padded so the data starts at a multiple of 64 bytes,
 * then the little-endian data. NumPy reads these files with {@code numpy.load}.
 */
final class Npy {

  static {
    Nd4jAccess.open();
  }

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** {@code array} as a {@code .npy} file's bytes. */
  static byte[] write(INDArray array) {
    if (array.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("only FLOAT arrays are written, not "
          + array.dataType());
    }
    long[] shape = array.shape();
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
        : "(" + (dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    float[] data = array.dup('c').data().asFloat();
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    out.asFloatBuffer().put(data);
    return out.array();
  }

  /**
   * The array in a {@code .npy} file's bytes.
   *
   * @param name the file or entry name, for error messages
   * @throws IOException if the bytes are not a C-order little-endian float32 {@code .npy}
   */
  static INDArray read(byte[] bytes, String name) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(name + ": not a .npy array (no \\x93NUMPY magic)");
    }
    int major = bytes[6];
    in.position(8);
    int headerLength;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(in.getShort());
    } else if (major == 2 || major == 3) {
      headerLength = in.getInt();
    } else {
      throw new IOException(name + ": .npy version " + major + " is not supported (1 to 3 are)");
    }
    if (headerLength < 0 || in.position() + headerLength > bytes.length) {
      throw new IOException(name + ": .npy header runs past the end of the data");
    }
    String header = new String(bytes, in.position(), headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    in.position(in.position() + headerLength);
    String descr = group(DESCR, header, name, "descr");
    if (!descr.equals("<f4")) {
      throw new IOException(name + ": .npy dtype '" + descr + "' is not supported (only '<f4')");
    }
    if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
      throw new IOException(name + ": .npy arrays in Fortran order are not supported");
    }
    long[] shape = Arrays.stream(group(SHAPE, header, name, "shape").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    if (in.remaining() != 4 * size) {
      throw new IOException(name + ": .npy shape " + Arrays.toString(shape) + " needs "
          + 4 * size + " bytes of data but " + in.remaining() + " follow the header");
    }
    float[] data = new float[Math.toIntExact(size)];
    in.asFloatBuffer().get(data);
    return Nd4j.create(data, shape, 'c');
  }

  private static String group(Pattern pattern, String header, String name, String key)
      throws IOException {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IOException(name + ": .npy header has no valid '" + key + "': " + header.trim());
    }
    return m.group(1);
  }
}
