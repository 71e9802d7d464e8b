package dev.lathe.core.internal.report;

import java.util.Arrays;

/** A growable list of (x, y) points in the {@code double[2][n]} layout of JFreeChart's datasets. */
final class PointList {

  private double[] xs = new double[64];
  private double[] ys = new double[64];
  private int size;

  /** Appends a point. */
  void add(double x, double y) {
    if (size == xs.length) {
      xs = Arrays.copyOf(xs, 2 * size);
      ys = Arrays.copyOf(ys, 2 * size);
    }
    xs[size] = x;
    ys[size++] = y;
  }

  /** The points as {@code {xs, ys}}. */
  double[][] toArray() {
    return new double[][] {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
  }
}
