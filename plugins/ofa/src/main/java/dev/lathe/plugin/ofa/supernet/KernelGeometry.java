package dev.lathe.plugin.ofa.supernet;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Constant 0/1 matrices that crop a flattened square kernel to its centre, or pad it back. */
final class KernelGeometry {

  private KernelGeometry() {}

  /**
   * The matrix {@code [from², to²]} whose product with a flattened (row-major) {@code from×from}
   * kernel is its centre {@code to×to}, flattened; its transpose zero-pads a {@code to×to} kernel
   * to {@code from×from}.
   */
  static INDArray crop(int from, int to) {
    INDArray m = Nd4j.zeros(DataType.FLOAT, from * from, to * to);
    int offset = (from - to) / 2;
    for (int i = 0; i < to; i++) {
      for (int j = 0; j < to; j++) {
        m.putScalar((i + offset) * from + j + offset, i * to + j, 1);
      }
    }
    return m;
  }
}
