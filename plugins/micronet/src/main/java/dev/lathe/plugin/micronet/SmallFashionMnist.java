package dev.lathe.plugin.micronet;

import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.data.LabelledImages;
import dev.lathe.nd4j.train.Dataset;
import java.io.IOException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, arXiv:1708.07747) from the data directory
 * ({@code lathe data fetch fashion-mnist}) at 14×14 pixels: each image averaged over 2×2
 * blocks, which makes the convolutions of a training step four times cheaper.
 */
final class SmallFashionMnist {

  static {
    NetworkModel.openNd4j();
  }

  /** The data set's name in the data directory. */
  static final String NAME = "fashion-mnist";
  /** Image height and width. */
  static final int SIZE = 14;
  /** Classes. */
  static final int CLASSES = 10;

  private SmallFashionMnist() {}

  /**
   * The number of examples of split {@code split}.
   *
   * @throws IOException if the data set is not in the data directory or cannot be read
   */
  static int count(String split) throws IOException {
    return LabelledImages.readSplit(DataDirectory.dataSet(NAME), split).count();
  }

  /**
   * Examples {@code from} (inclusive) to {@code to} (exclusive, at most the split's size) of
   * split {@code split} ({@code train} or {@code t10k}), as {@code [n, 1, 14, 14]} images in
   * [0, 1] with one-hot labels.
   *
   * @throws IOException if the data set is not in the data directory or cannot be read
   */
  static Dataset read(String split, int from, int to) throws IOException {
    LabelledImages images = LabelledImages.readSplit(DataDirectory.dataSet(NAME), split);
    int end = Math.min(to, images.count());
    int n = Math.max(0, end - from);
    float[] pixels = new float[n * SIZE * SIZE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int image = from + i;
      labels[i] = images.label(image);
      for (int r = 0; r < SIZE; r++) {
        for (int c = 0; c < SIZE; c++) {
          pixels[(i * SIZE + r) * SIZE + c] = (images.pixel(image, 2 * r, 2 * c)
              + images.pixel(image, 2 * r + 1, 2 * c) + images.pixel(image, 2 * r, 2 * c + 1)
              + images.pixel(image, 2 * r + 1, 2 * c + 1)) / 4;
        }
      }
    }
    return Dataset.ofClasses(Nd4j.create(pixels, new long[] {n, 1, SIZE, SIZE}, 'c'), labels,
        CLASSES);
  }
}
