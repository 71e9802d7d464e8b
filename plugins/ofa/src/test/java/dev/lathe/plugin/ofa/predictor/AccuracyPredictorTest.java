package dev.lathe.plugin.ofa.predictor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.plugin.ofa.supernet.MiniSubnet;
import dev.lathe.testkit.tck.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** A predictor trained {@code epochs} epochs on {@code n} subnets scored by capacity. */
  static AccuracyPredictor trained(int n, int epochs) {
    SplittableRandom random = new SplittableRandom(8);
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS,
          MiniSubnet.DEPTHS, MiniSubnet.RESOLUTIONS, random);
      x[i] = s.oneHot();
      y[i] = score(s, random);
    }
    return AccuracyPredictor.train(x, y, epochs, 2);
  }

  @Test
  void aSavedPredictorLoadsToTheSamePredictions(@TempDir Path dir) throws IOException {
    AccuracyPredictor p = trained(30, 3);
    Path file = dir.resolve("p.json");
    p.save(file, Map.of("trained_on", "30 made-up subnets"));
    AccuracyPredictor loaded = AccuracyPredictor.load(file);
    assertEquals(MiniSubnet.ENCODING_LENGTH, loaded.inputs());
    double[][] x = {MiniSubnet.smallest().oneHot(), MiniSubnet.largest().oneHot()};
    assertArrayEquals(p.predict(x), loaded.predict(x), 1e-6);
    assertEquals("30 made-up subnets", new ObjectMapper().readTree(file.toFile())
        .path("provenance").path("trained_on").asText());
  }

  @Test
  void aFileOfAnotherFormatIsRefusedByName(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("table.json"), "{\"format\": \"other\"}");
    IOException e = assertThrows(IOException.class, () -> AccuracyPredictor.load(file));
    assertEquals("accuracy predictor " + file + ": field 'format' is not"
        + " 'lathe-ofa-accuracy-predictor'", e.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new AccuracyEvaluatorProvider().create(TestPluginContext.builder(
            new AccuracyEvaluatorProvider(), dir).settings(Map.of("predictor",
            dir.resolve("none.json").toString())).build()));
    assertTrue(missing.getMessage().startsWith("evaluator 'ofa': no accuracy predictor at "),
        missing.getMessage());
  }
}
