package dev.lathe.plugin.training;

import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.data.LabelledImages;
import dev.lathe.nd4j.train.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, arXiv:1708.07747) from the data directory, as
 * {@link Dataset}s of images {@code [n, 1, 28, 28]} with pixels in [0, 1] and one-hot labels of
 * its 10 classes.
 */
final class FashionMnist {

  static {
    // ND4J lives on the class path, in the unnamed module.
    FashionMnist.class.getModule().addReads(FashionMnist.class.getClassLoader()
        .getUnnamedModule());
  }

  /** The data set's name in the data directory ({@code lathe data fetch fashion-mnist}). */
  static final String NAME = "fashion-mnist";
  /** The number of classes. */
  static final int CLASSES = 10;

  private FashionMnist() {}

  /** The folder of the data set in {@link DataDirectory#resolve()}. */
  static Path folder() throws IOException {
    return DataDirectory.dataSet(NAME);
  }

  /**
   * The first {@code limit} examples (all if fewer) of split {@code split} ({@code train} or
   * {@code t10k}) in {@code folder}.
   */
  static Dataset read(Path folder, String split, int limit) throws IOException {
    LabelledImages images = LabelledImages.readSplit(folder, split);
    int n = Math.min(limit, images.count());
    int[] rows = new int[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
      labels[i] = images.label(i);
    }
    float[] pixels = new float[Math.multiplyExact(n, images.pixelsPerImage())];
    images.copyImages(rows, pixels);
    return Dataset.ofClasses(Nd4j.create(pixels,
        new long[] {n, 1, images.rows(), images.columns()}, 'c'), labels, CLASSES);
  }
}
