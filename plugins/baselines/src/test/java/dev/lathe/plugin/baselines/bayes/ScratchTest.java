package dev.lathe.plugin.baselines.bayes;

import dev.lathe.plugin.baselines.OptimizerRuns;
import dev.lathe.plugin.baselines.cmaes.CmaEsProvider;
import dev.lathe.plugin.baselines.random.RandomSearchProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
  @Test
  void explore(@TempDir Path folder) throws Exception {
    String problem = System.getProperty("scratch.problem", "branin");
    int trials = Integer.getInteger("scratch.trials", 60);
    int seeds = Integer.getInteger("scratch.seeds", 5);
    String which = System.getProperty("scratch.optimizer", "gp-ei");
    Map<String, String> settings = new java.util.HashMap<>();
    for (String kv : System.getProperty("scratch.settings", "").split(",")) {
      if (!kv.isBlank()) settings.put(kv.split("=")[0], kv.split("=")[1]);
    }
    double optimum = problem.equals("branin") ? 0.397887357729739 : -3.32236801141551;
    double[] regret = new double[seeds];
    long t0 = System.nanoTime();
    for (int s = 0; s < seeds; s++) {
      var provider = switch (which) {
        case "gp-ei" -> new GpEiProvider();
        case "cmaes" -> new CmaEsProvider();
        default -> new RandomSearchProvider();
      };
      long t = System.nanoTime();
      regret[s] = OptimizerRuns.best((dev.lathe.api.spi.OptimizerProvider) provider, settings, problem, trials, Integer.getInteger("scratch.batch", 1), s, folder) - optimum;
      System.out.printf("%s %s seed %d regret %.3g  %.2fs%n", which, problem, s, regret[s], (System.nanoTime() - t) / 1e9);
    }
    System.out.printf("median %.3g total %.1fs%n", OptimizerRuns.median(regret), (System.nanoTime() - t0) / 1e9);
  }
}
