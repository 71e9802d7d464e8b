package dev.lathe.plugin.ofa.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.plugin.ofa.supernet.MiniSubnet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The predictor learns to rank held-out subnets by a score that depends on their one-hot
 * encoding as accuracy does in OFA: larger kernels, expand ratios, depths and resolutions
 * score more, with diminishing returns and noise.
 */
class AccuracyPredictorTest {

  private static double score(MiniSubnet s, SplittableRandom noise) {
    double capacity = 0;
    for (int b = 0; b < MiniSubnet.BLOCKS; b++) {
      if (s.active(b)) {
        capacity += 1 + 0.3 * MiniSubnet.KERNELS.indexOf(s.kernels().get(b))
            + 0.5 * MiniSubnet.EXPANDS.indexOf(s.expands().get(b));
      }
    }
    return 0.9 - 0.3 * Math.exp(-capacity / 12) + 0.004 * s.resolution() / 4
        + 0.002 * noise.nextGaussian();
  }

  @Test
  void ranksHeldOutSubnetsWithKendallTauAbove0Point6() {
    SplittableRandom random = new SplittableRandom(4);
    int n = 160;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS,
          MiniSubnet.DEPTHS, MiniSubnet.RESOLUTIONS, random);
      x[i] = s.oneHot();
      y[i] = score(s, random);
    }
    assertEquals(MiniSubnet.BLOCKS * 6 + MiniSubnet.RESOLUTIONS.size(), x[0].length);
    int train = 120;
    AccuracyPredictor p = AccuracyPredictor.train(java.util.Arrays.copyOf(x, train),
        java.util.Arrays.copyOf(y, train), 60, 1);
    double[] predicted = p.predict(java.util.Arrays.copyOfRange(x, train, n));
    double tau = KendallTau.tauB(predicted, java.util.Arrays.copyOfRange(y, train, n));
    assertTrue(tau >= 0.6, "Kendall tau on 40 held-out subnets: " + tau);
  }
}
