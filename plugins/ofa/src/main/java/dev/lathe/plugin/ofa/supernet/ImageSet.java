package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.data.DataDirectory;
import dev.lathe.api.data.LabelledImages;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Grey-scale images with one-hot labels, held at every resolution of the elastic supernet:
 * Fashion-MNIST (Xiao et al., arXiv:1708.07747) from the data directory, resized bilinearly
 * (PyTorch's {@code interpolate(mode="bilinear", align_corners=False)}) from 28×28.
 */
final class ImageSet {

  static {
    ImageSet.class.getModule().addReads(ImageSet.class.getClassLoader().getUnnamedModule());
  }

  /** The data set's name in the data directory ({@code lathe data fetch fashion-mnist}). */
  static final String FASHION_MNIST = "fashion-mnist";

  private final Map<Integer, INDArray> images;
  private final INDArray labels;
  private final int[] classes;

  private ImageSet(Map<Integer, INDArray> images, INDArray labels, int[] classes) {
    this.images = images;
    this.labels = labels;
    this.classes = classes;
  }

  /**
   * The first {@code limit} images (all if fewer) of Fashion-MNIST's split {@code train} or
   * {@code t10k}.
   */
  static ImageSet fashionMnist(String split, int limit, List<Integer> resolutions)
      throws IOException {
    LabelledImages data = LabelledImages.readSplit(DataDirectory.dataSet(FASHION_MNIST), split);
    int n = Math.min(limit, data.count());
    int rows = data.rows();
    int columns = data.columns();
    float[] pixels = new float[n * rows * columns];
    int[] indices = new int[n];
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
      classes[i] = data.label(i);
    }
    data.copyImages(indices, pixels);
    Map<Integer, INDArray> byResolution = new LinkedHashMap<>();
    for (int r : resolutions) {
      byResolution.put(r, Nd4j.create(resize(pixels, n, rows, columns, r),
          new long[] {n, 1, r, r}, 'c'));
    }
    INDArray labels = Nd4j.zeros(DataType.FLOAT, n, MiniNetwork.CLASSES);
    for (int i = 0; i < n; i++) {
      labels.putScalar(i, classes[i], 1);
    }
    return new ImageSet(byResolution, labels, classes);
  }

  /** The first {@code n} images (all if fewer), sharing no arrays with this set. */
  ImageSet head(int n) {
    int m = Math.min(n, size());
    Map<Integer, INDArray> byResolution = new LinkedHashMap<>();
    for (Map.Entry<Integer, INDArray> e : images.entrySet()) {
      byResolution.put(e.getKey(), e.getValue().get(NDArrayIndex.interval(0, m)).dup('c'));
    }
    return new ImageSet(byResolution, labels.get(NDArrayIndex.interval(0, m)).dup('c'),
        Arrays.copyOf(classes, m));
  }

  /** The number of images. */
  int size() {
    return classes.length;
  }

  /** The images {@code [n, 1, r, r]} at resolution {@code r}. */
  INDArray images(int r) {
    INDArray a = images.get(r);
    if (a == null) {
      throw new IllegalArgumentException("images are held at " + images.keySet() + ", not " + r);
    }
    return a;
  }

  /** The one-hot labels {@code [n, classes]}. */
  INDArray labels() {
    return labels;
  }

  /** The class of image {@code i}. */
  int label(int i) {
    return classes[i];
  }

  /**
   * Bilinear resizing of {@code n} images {@code rows × columns} to {@code size × size}, with
   * half-pixel centres and edge clamping (PyTorch's {@code align_corners=False}).
   */
  static float[] resize(float[] pixels, int n, int rows, int columns, int size) {
    float[] out = new float[n * size * size];
    double sy = (double) rows / size;
    double sx = (double) columns / size;
    for (int y = 0; y < size; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min((int) fy, rows - 1);
      int y1 = Math.min(y0 + 1, rows - 1);
      double wy = fy - y0;
      for (int x = 0; x < size; x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = Math.min((int) fx, columns - 1);
        int x1 = Math.min(x0 + 1, columns - 1);
        double wx = fx - x0;
        for (int i = 0; i < n; i++) {
          int base = i * rows * columns;
          double top = pixels[base + y0 * columns + x0] * (1 - wx)
              + pixels[base + y0 * columns + x1] * wx;
          double bottom = pixels[base + y1 * columns + x0] * (1 - wx)
              + pixels[base + y1 * columns + x1] * wx;
          out[i * size * size + y * size + x] = (float) (top * (1 - wy) + bottom * wy);
        }
      }
    }
    return out;
  }
}
