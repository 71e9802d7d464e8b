package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Greyscale images of one size with an integer class label each, as MNIST and Fashion-MNIST
 * ship them in pairs of IDX files: pixels are stored row-major, image after image, as floats from
 * 0 (black in the file's byte 0) to 1 (byte 255).
 */
@API(status = STABLE, since = "0.1")
public final class LabelledImages {

  private final int count;
  private final int rows;
  private final int columns;
  private final float[] pixels;
  private final int[] labels;

  private LabelledImages(int count, int rows, int columns, float[] pixels, int[] labels) {
    this.count = count;
    this.rows = rows;
    this.columns = columns;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * Reads the images of the IDX file {@code images} (rank 3: count, rows, columns) and their
   * labels from {@code labels} (rank 1: count). Either may be gzip-compressed.
   *
   * @throws MalformedDataException naming the file if either is not such an IDX file, or if
   *     their counts differ
   * @throws IOException if a file cannot be read
   */
  public static LabelledImages read(Path images, Path labels) throws IOException {
    IdxArray pixels = IdxArray.read(images);
    if (pixels.rank() != 3) {
      throw new MalformedDataException(images, "has rank " + pixels.rank()
          + "; images need rank 3 (count, rows, columns)");
    }
    IdxArray classes = IdxArray.read(labels);
    if (classes.rank() != 1) {
      throw new MalformedDataException(labels, "has rank " + classes.rank()
          + "; labels need rank 1 (count)");
    }
    if (classes.dimension(0) != pixels.dimension(0)) {
      throw new MalformedDataException(labels, "holds " + classes.dimension(0)
          + " labels but " + images.getFileName() + " holds " + pixels.dimension(0) + " images");
    }
    int[] labelValues = new int[classes.size()];
    Arrays.setAll(labelValues, classes::unsignedByte);
    return new LabelledImages(pixels.dimension(0), pixels.dimension(1), pixels.dimension(2),
        pixels.normalised(), labelValues);
  }

  /**
   * Reads the split {@code split} of a folder laid out as MNIST's distribution:
   * {@code SPLIT-images-idx3-ubyte.gz} and {@code SPLIT-labels-idx1-ubyte.gz}, or the same names
   * without {@code .gz}. Fashion-MNIST's splits are {@code train} (60,000 images) and
   * {@code t10k} (10,000).
   *
   * @throws NoSuchFileException naming the folder and the file if either file is missing
   */
  public static LabelledImages readSplit(Path folder, String split) throws IOException {
    return read(find(folder, split + "-images-idx3-ubyte"),
        find(folder, split + "-labels-idx1-ubyte"));
  }

  private static Path find(Path folder, String name) throws NoSuchFileException {
    Path compressed = folder.resolve(name + ".gz");
    if (Files.isRegularFile(compressed)) {
      return compressed;
    }
    Path plain = folder.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new NoSuchFileException(compressed.toString(), null,
        "neither " + name + ".gz nor " + name + " is in " + folder);
  }

  /** The number of images. */
  public int count() {
    return count;
  }

  /** The height of each image in pixels. */
  public int rows() {
    return rows;
  }

  /** The width of each image in pixels. */
  public int columns() {
    return columns;
  }

  /** The number of pixels of one image: {@code rows() * columns()}. */
  public int pixelsPerImage() {
    return rows * columns;
  }

  /** The pixel at {@code row}, {@code column} of image {@code image}, from 0 to 1. */
  public float pixel(int image, int row, int column) {
    if (row < 0 || row >= rows || column < 0 || column >= columns) {
      throw new IndexOutOfBoundsException("pixel (" + row + ", " + column + ") is outside "
          + rows + "x" + columns);
    }
    return pixels[image * pixelsPerImage() + row * columns + column];
  }

  /** The pixels of image {@code image}, row-major; a copy. */
  public float[] image(int image) {
    int from = Math.multiplyExact(image, pixelsPerImage());
    return Arrays.copyOfRange(pixels, from, from + pixelsPerImage());
  }

  /**
   * Copies the images {@code indices}, in that order, one after the other into {@code target}
   * from position 0: a mini-batch in row-major {@code [batch, rows, columns]} order.
   *
   * @throws IllegalArgumentException if {@code target} is shorter than the batch
   */
  public void copyImages(int[] indices, float[] target) {
    int size = pixelsPerImage();
    if (target.length < (long) indices.length * size) {
      throw new IllegalArgumentException("target holds " + target.length + " floats; "
          + indices.length + " images need " + (long) indices.length * size);
    }
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(pixels, indices[k] * size, target, k * size, size);
    }
  }

  /** Every pixel of every image, row-major, image after image; a read-only view. */
  public FloatBuffer pixels() {
    return FloatBuffer.wrap(pixels).asReadOnlyBuffer();
  }

  /** The class label of image {@code image}. */
  public int label(int image) {
    return labels[image];
  }

  /** The class labels in image order; a copy. */
  public int[] labels() {
    return labels.clone();
  }

  /** The number of classes: one more than the largest label, 0 without images. */
  public int classCount() {
    return Arrays.stream(labels).max().orElse(-1) + 1;
  }

  @Override
  public String toString() {
    return "LabelledImages[" + count + " images of " + rows + "x" + columns + ", "
        + classCount() + " classes]";
  }
}
