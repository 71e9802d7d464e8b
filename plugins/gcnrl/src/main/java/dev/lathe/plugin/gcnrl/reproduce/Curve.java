package dev.lathe.plugin.gcnrl.reproduce;

/**
 * The best figure of merit found after each simulation of one run.
 *
 * @param method the method's label
 * @param task what was sized, e.g. {@code tia3@berkeley-a}
 * @param seed the run's seed
 * @param bestSoFar the best FoM after simulation i+1; NaN while every simulation failed
 * @param failures how many simulations failed
 */
record Curve(String method, String task, long seed, double[] bestSoFar, int failures) {

  /** The best FoM of the whole run, NaN if none succeeded. */
  double best() {
    return bestSoFar.length == 0 ? Double.NaN : bestSoFar[bestSoFar.length - 1];
  }

  /** The best-so-far curve of a run whose simulations gave {@code foms} (NaN: failed). */
  static Curve of(String method, String task, long seed, double[] foms) {
    double[] best = new double[foms.length];
    double b = Double.NaN;
    int failures = 0;
    for (int i = 0; i < foms.length; i++) {
      if (Double.isNaN(foms[i])) {
        failures++;
      } else if (Double.isNaN(b) || foms[i] > b) {
        b = foms[i];
      }
      best[i] = b;
    }
    return new Curve(method, task, seed, best, failures);
  }
}
