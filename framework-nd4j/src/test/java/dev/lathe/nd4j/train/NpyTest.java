package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

  @Test
  void theHeaderIsNumpysAndTheDataStartsAtAMultipleOf64() {
    byte[] bytes = Npy.write(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c'));
    assertEquals(0x93, bytes[0] & 0xff);
    assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, bytes[6]);
    assertEquals(0, bytes[7]);
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64);
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.trim());
    assertEquals(10 + headerLength + 24, bytes.length);
    assertEquals(1.0f, Float.intBitsToFloat((bytes[10 + headerLength] & 0xff)
        | (bytes[11 + headerLength] & 0xff) << 8 | (bytes[12 + headerLength] & 0xff) << 16
        | (bytes[13 + headerLength] & 0xff) << 24), "little-endian float32");
  }

  @Test
  void arraysOfEveryRankRoundTrip() throws IOException {
    for (long[] shape : new long[][] {{5}, {2, 3}, {2, 1, 3, 3}}) {
      INDArray array = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, shape);
      INDArray back = Npy.read(Npy.write(array), "test");
      assertArrayEquals(shape, back.shape(), Arrays.toString(shape));
      assertArrayEquals(Fixtures.floats(array), Fixtures.floats(back));
    }
  }

  @Test
  void viewsAreWrittenAsTheirOwnValues() throws IOException {
    INDArray matrix = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
    INDArray column = matrix.getColumn(1);
    assertArrayEquals(new float[] {2, 5}, Fixtures.floats(Npy.read(Npy.write(column), "c")));
  }

  @Test
  void otherTypesAndDamagedFilesAreRefused() {
    byte[] doubles = Npy.write(Nd4j.create(new float[] {1}, new long[] {1}, 'c'));
    String text = new String(doubles, StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
    IOException e = assertThrows(IOException.class,
        () -> Npy.read(text.getBytes(StandardCharsets.ISO_8859_1), "x.npy"));
    assertEquals("x.npy: .npy dtype '<f8' is not supported (only '<f4')", e.getMessage());
    e = assertThrows(IOException.class, () -> Npy.read(new byte[] {1, 2, 3}, "y.npy"));
    assertEquals("y.npy: not a .npy array (no \\x93NUMPY magic)", e.getMessage());
    byte[] truncated = Arrays.copyOf(doubles, doubles.length - 1);
    e = assertThrows(IOException.class, () -> Npy.read(truncated, "z.npy"));
    assertEquals("z.npy: .npy shape [1] needs 4 bytes of data but 3 follow the header",
        e.getMessage());
  }
}
