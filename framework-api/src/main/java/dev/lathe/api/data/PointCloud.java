package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Points in 3-D space, with an integer label each where their source carried labels. Coordinates
 * are stored as {@code x0 y0 z0 x1 y1 z1 …}.
 */
@API(status = STABLE, since = "0.1")
public final class PointCloud {

  private final float[] coordinates;
  private final int[] labels;

  private PointCloud(float[] coordinates, int[] labels) {
    this.coordinates = coordinates;
    this.labels = labels;
  }

  /**
   * The points {@code coordinates} ({@code x y z} per point) with {@code labels}.
   *
   * @param labels one label per point, or null for none
   * @throws IllegalArgumentException if the lengths do not fit
   */
  public static PointCloud of(float[] coordinates, int[] labels) {
    if (coordinates.length % 3 != 0) {
      throw new IllegalArgumentException("coordinates come in threes; got " + coordinates.length);
    }
    if (labels != null && labels.length != coordinates.length / 3) {
      throw new IllegalArgumentException(labels.length + " labels for "
          + coordinates.length / 3 + " points");
    }
    return new PointCloud(coordinates.clone(), labels == null ? null : labels.clone());
  }

  static PointCloud wrap(float[] coordinates, int[] labels) {
    return new PointCloud(coordinates, labels);
  }

  /** The number of points. */
  public int size() {
    return coordinates.length / 3;
  }

  /** The x coordinate of point {@code i}. */
  public float x(int i) {
    return coordinates[3 * i];
  }

  /** The y coordinate of point {@code i}. */
  public float y(int i) {
    return coordinates[3 * i + 1];
  }

  /** The z coordinate of point {@code i}. */
  public float z(int i) {
    return coordinates[3 * i + 2];
  }

  /** Every coordinate, {@code x y z} per point; a copy. */
  public float[] coordinates() {
    return coordinates.clone();
  }

  /** Whether the points carry labels. */
  public boolean hasLabels() {
    return labels != null;
  }

  /**
   * The label of point {@code i}.
   *
   * @throws IllegalStateException if the points carry no labels
   */
  public int label(int i) {
    if (labels == null) {
      throw new IllegalStateException("these points carry no labels");
    }
    return labels[i];
  }

  /**
   * The labels in point order; a copy.
   *
   * @throws IllegalStateException if the points carry no labels
   */
  public int[] labels() {
    if (labels == null) {
      throw new IllegalStateException("these points carry no labels");
    }
    return labels.clone();
  }

  /**
   * These points moved into the unit sphere as PointNet prepares its inputs: translated so that
   * their centroid (the mean of the points) is the origin, then scaled by one factor so that the
   * point farthest from it lies at distance 1. Points that all coincide are only translated.
   * Labels are kept.
   */
  public PointCloud normalisedToUnitSphere() {
    int n = size();
    double cx = 0;
    double cy = 0;
    double cz = 0;
    for (int i = 0; i < n; i++) {
      cx += coordinates[3 * i];
      cy += coordinates[3 * i + 1];
      cz += coordinates[3 * i + 2];
    }
    if (n > 0) {
      cx /= n;
      cy /= n;
      cz /= n;
    }
    double radius = 0;
    for (int i = 0; i < n; i++) {
      double dx = coordinates[3 * i] - cx;
      double dy = coordinates[3 * i + 1] - cy;
      double dz = coordinates[3 * i + 2] - cz;
      radius = Math.max(radius, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
    double scale = radius > 0 ? 1 / radius : 1;
    float[] out = new float[coordinates.length];
    for (int i = 0; i < n; i++) {
      out[3 * i] = (float) ((coordinates[3 * i] - cx) * scale);
      out[3 * i + 1] = (float) ((coordinates[3 * i + 1] - cy) * scale);
      out[3 * i + 2] = (float) ((coordinates[3 * i + 2] - cz) * scale);
    }
    return new PointCloud(out, labels);
  }

  @Override
  public String toString() {
    return "PointCloud[" + size() + " points" + (labels == null ? "" : ", "
        + Arrays.stream(labels).distinct().count() + " labels") + "]";
  }
}
