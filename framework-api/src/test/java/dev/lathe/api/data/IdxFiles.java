package dev.lathe.api.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files of unsigned bytes for the tests, gzip-compressed or not. */
final class IdxFiles {

  private IdxFiles() {}

  /** The IDX bytes of {@code values} with {@code dimensions}. */
  static byte[] idx(int[] dimensions, byte[] values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000800 | dimensions.length);
    for (int d : dimensions) {
      out.writeInt(d);
    }
    out.write(values);
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
        : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  /**
   * Writes a split in which image {@code i} has pixel {@code (r, c)} =
   * {@code (i * 7 + r * 3 + c) mod 256} and label {@code i mod 10}.
   */
  static void writeSplit(Path folder, String split, int count, int rows, int columns,
      boolean gzip) throws IOException {
    byte[] pixels = new byte[count * rows * columns];
    for (int i = 0; i < count; i++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          pixels[(i * rows + r) * columns + c] = (byte) pixel(i, r, c);
        }
      }
    }
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 10);
    }
    String suffix = gzip ? ".gz" : "";
    write(folder.resolve(split + "-images-idx3-ubyte" + suffix),
        idx(new int[] {count, rows, columns}, pixels), gzip);
    write(folder.resolve(split + "-labels-idx1-ubyte" + suffix), idx(new int[] {count}, labels),
        gzip);
  }

  static int pixel(int i, int r, int c) {
    return (i * 7 + r * 3 + c) % 256;
  }
}
