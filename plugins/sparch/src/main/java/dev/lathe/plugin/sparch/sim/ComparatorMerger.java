package dev.lathe.plugin.sparch.sim;

/**
 * One merger of the merge tree: a comparator array that takes {@code width} elements of two
 * sorted streams per cycle, orders them by key in one step (every pair compared at once, no
 * dependency between them) and adds the values of equal keys, so that each key leaves it once.
 */
public final class ComparatorMerger {

  private final int width;

  /**
   * A merger of {@code width} elements per cycle.
   *
   * @throws IllegalArgumentException if {@code width < 1}
   */
  public ComparatorMerger(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("a comparator merger takes at least 1 element per"
          + " cycle, got " + width);
    }
    this.width = width;
  }

  /** The elements it takes per cycle. */
  public int width() {
    return width;
  }

  /** The cycles it takes to merge streams of {@code left} and {@code right} elements. */
  public long cycles(long left, long right) {
    return Counts.ceilDiv(left + right, width);
  }

  /** The merge of {@code x} and {@code y}: every key of either once, equal keys' values added. */
  public PartialMatrix merge(PartialMatrix x, PartialMatrix y) {
    if (y.size() == 0) {
      return x;
    }
    if (x.size() == 0) {
      return y;
    }
    long[] xk = x.keys();
    long[] yk = y.keys();
    double[] xv = x.values();
    double[] yv = y.values();
    int total = Math.addExact(x.size(), y.size());
    long[] keys = new long[total];
    double[] values = new double[total];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.size() && j < y.size()) {
      long kx = xk[i];
      long ky = yk[j];
      if (kx < ky) {
        keys[n] = kx;
        values[n++] = xv[i++];
      } else if (ky < kx) {
        keys[n] = ky;
        values[n++] = yv[j++];
      } else {
        keys[n] = kx;
        values[n++] = xv[i++] + yv[j++];
      }
    }
    int restX = x.size() - i;
    System.arraycopy(xk, i, keys, n, restX);
    System.arraycopy(xv, i, values, n, restX);
    n += restX;
    int restY = y.size() - j;
    System.arraycopy(yk, j, keys, n, restY);
    System.arraycopy(yv, j, values, n, restY);
    n += restY;
    return new PartialMatrix(keys, values, n);
  }
}
