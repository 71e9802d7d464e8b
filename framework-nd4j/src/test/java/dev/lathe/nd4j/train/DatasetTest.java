package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {

  @Test
  void rowsArePickedInTheOrderAskedWithTheirShape() {
    INDArray images = Nd4j.arange(0, 5 * 2 * 2).castTo(DataType.FLOAT).reshape('c', 5, 1, 2, 2);
    Dataset data = Dataset.ofClasses(images, new int[] {0, 1, 2, 0, 1}, 3);
    assertEquals(5, data.size());
    INDArray batch = data.features(new int[] {4, 0});
    assertArrayEquals(new long[] {2, 1, 2, 2}, batch.shape());
    assertArrayEquals(new float[] {16, 17, 18, 19, 0, 1, 2, 3}, Fixtures.floats(batch));
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, Fixtures.floats(data.labels(new int[] {4, 0})));
  }

  @Test
  void mismatchedOrMistypedDataIsRefused() {
    INDArray features = Nd4j.zeros(DataType.FLOAT, 4, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dataset(features, Nd4j.zeros(DataType.FLOAT, 3, 2)));
    assertEquals("4 features but 3 labels", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Dataset(features, Nd4j.zeros(DataType.DOUBLE, 4, 2)));
    assertEquals("features and labels must be FLOAT, not FLOAT and DOUBLE", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofClasses(features, new int[] {0, 1, 2, 3}, 3));
    assertEquals("example 3 has class 3, outside 0..2", e.getMessage());
  }
}
