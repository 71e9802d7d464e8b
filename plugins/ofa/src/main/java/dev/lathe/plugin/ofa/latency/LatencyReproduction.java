package dev.lathe.plugin.ofa.latency;

import dev.lathe.api.model.Network;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The latency claim of the reproduction {@code ofa}: a lookup table measured per layer group on
 * this machine predicts the measured end-to-end latency of random subnets.
 */
public final class LatencyReproduction {

  /**
   * What the check measured.
   *
   * @param mape the mean absolute percentage error of the predictions, in [0, ∞)
   * @param predicted the predicted latency of each subnet, in milliseconds
   * @param measured the measured latency of each subnet, in milliseconds
   * @param entries the table's entries
   * @param contextFactor the table's context factor, measured on the calibration subnets
   * @param provenance the table's provenance, as text
   */
  public record Result(double mape, List<Double> predicted, List<Double> measured, int entries,
      double contextFactor, String provenance) {}

  /** How many random subnets calibrate the table's context factor, drawn before the tested. */
  public static final int CALIBRATION_SUBNETS = 3;

  /** The classes of the subnets' classifier, ImageNet's. */
  private static final int CLASSES = 1000;

  private LatencyReproduction() {}

  /**
   * Measures {@code count} random subnets of width 1.0 at the given resolutions (kernel sizes,
   * expand ratios and depths uniform) at batch 1, predicts each from a table measured now and
   * calibrated on {@value #CALIBRATION_SUBNETS} other random subnets drawn first, and saves the
   * table to {@code tableFile}. The table's groups are measured first, then the calibration
   * subnets end to end, then the tested ones.
   *
   * @param warmup untimed runs before each measurement
   * @param repeats timed runs per measurement
   */
  public static Result run(int count, List<Integer> resolutions, int warmup, int repeats,
      RandomGenerator random, Path tableFile) throws IOException {
    LatencyMeasurer measurer = new LatencyMeasurer(warmup, repeats);
    LatencyTable table = measurer.newTable();
    LatencyPredictor predictor = new LatencyPredictor(table, Optional.of(measurer));
    List<Network> calibration = new ArrayList<>();
    for (int i = 0; i < CALIBRATION_SUBNETS; i++) {
      calibration.add(OfaMobileNetV3.network(randomSubnet(resolutions, random), CLASSES));
    }
    List<Network> tested = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Network network = OfaMobileNetV3.network(randomSubnet(resolutions, random), CLASSES);
      predictor.predictMillis(network);
      tested.add(network);
    }
    predictor.calibrate(calibration);
    List<Double> predicted = new ArrayList<>();
    List<Double> measured = new ArrayList<>();
    double errors = 0;
    for (Network network : tested) {
      double p = predictor.predictMillis(network);
      double m = measurer.measure(network).minMillis();
      predicted.add(p);
      measured.add(m);
      errors += Math.abs(p - m) / m;
    }
    table.save(tableFile);
    String provenance = String.format(Locale.ROOT, "%s %s threads on %s, batch 1, %d warm-up"
        + " and %d timed runs per entry", table.provenance().get("tensor_backend"),
        table.provenance().get("tensor_backend.threads"), table.provenance().get("cpu"), warmup,
        repeats);
    return new Result(errors / count, predicted, measured, table.size(), table.contextFactor(),
        provenance);
  }

  private static Subnet randomSubnet(List<Integer> resolutions, RandomGenerator random) {
    List<Integer> k = new ArrayList<>();
    List<Integer> e = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    for (int b = 0; b < Subnet.BLOCKS; b++) {
      k.add(Subnet.KERNELS.get(random.nextInt(3)));
      e.add(Subnet.EXPANDS.get(random.nextInt(3)));
    }
    for (int s = 0; s < Subnet.STAGES; s++) {
      d.add(Subnet.DEPTHS.get(random.nextInt(3)));
    }
    return new Subnet(k, e, d, resolutions.get(random.nextInt(resolutions.size())), 1.0);
  }
}
