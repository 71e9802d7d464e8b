package dev.lathe.plugin.baselines.bayes;

import dev.lathe.api.space.Dimension;
import java.util.List;

/**
 * How a point of a space's unit cube becomes a Gaussian process's input, after E. C.
 * Garrido-Merchán and D. Hernández-Lobato ("Dealing with categorical and integer-valued variables
 * in Bayesian optimization with Gaussian processes", Neurocomputing 380, 2020): the kernel sees
 * a point only after it is transformed to a value the space can hold.
 *
 * <ul>
 *   <li>real and log-real coordinates stay as they are (the space's encoding already maps a
 *       log-real dimension logarithmically);</li>
 *   <li>an integer coordinate is rounded to the centre of its value's cell, so that the
 *       surrogate is constant between neighbouring integers;</li>
 *   <li>a categorical coordinate becomes the index of its choice; the kernel compares indices
 *       for equality only, which is a one-hot encoding whose columns share one length scale
 *       (two different choices are at squared distance 2).</li>
 * </ul>
 *
 * <p>The acquisition is therefore piecewise constant along integer and categorical
 * coordinates, and its gradient is taken along the real ones only.
 */
final class KernelInputs {

  private final long[] cells;
  private final boolean[] categorical;
  private final boolean[] continuous;

  /** The transformation for a space with these dimensions, in order. */
  KernelInputs(List<Dimension> dimensions) {
    int d = dimensions.size();
    cells = new long[d];
    categorical = new boolean[d];
    continuous = new boolean[d];
    for (int j = 0; j < d; j++) {
      Dimension dimension = dimensions.get(j);
      switch (dimension.kind()) {
        case REAL, LOG_REAL -> continuous[j] = true;
        case INTEGER -> cells[j] = dimension.cardinality();
        case CATEGORICAL -> {
          cells[j] = dimension.cardinality();
          categorical[j] = true;
        }
        default -> throw new IllegalArgumentException("unknown kind " + dimension.kind());
      }
    }
  }

  /** The number of coordinates. */
  int size() {
    return cells.length;
  }

  /** Which coordinates are categorical (compared for equality only). */
  boolean[] categorical() {
    return categorical.clone();
  }

  /** Which coordinates are real (the acquisition's gradient is taken along these). */
  boolean[] continuous() {
    return continuous.clone();
  }

  /** How many values coordinate {@code j} can take, or 0 if it is real. */
  long cells(int j) {
    return cells[j];
  }

  /** The kernel input of the unit-cube point {@code u}. */
  double[] transform(double[] u) {
    double[] z = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      double c = Math.min(1, Math.max(0, u[j]));
      if (continuous[j]) {
        z[j] = c;
      } else {
        double cell = Math.min(Math.floor(c * cells[j]), cells[j] - 1);
        z[j] = categorical[j] ? cell : (cell + 0.5) / cells[j];
      }
    }
    return z;
  }

  /** The unit-cube coordinate at the centre of cell {@code cell} of coordinate {@code j}. */
  double centre(int j, long cell) {
    return (cell + 0.5) / cells[j];
  }
}
