package dev.lathe.plugin.baselines.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.LatheException;
import dev.lathe.testkit.ExperimentTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cmaes} composed through the real kernel, which checks its declared dimension kinds. */
class CmaEsInTheKernelTest {

  /** A space with an integer dimension, which CMA-ES does not search. */
  public static final class DepthSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("depth-space", "0.1.0", "a real and an integer", "[0.1,1.0)");
    }

    @Override
    public SearchSpace create(PluginContext context) {
      return new SearchSpace() {
        @Override
        public String id() {
          return "depth-space";
        }

        @Override
        public List<Dimension> dimensions() {
          return List.of(RealDimension.of("rate", 0, 1), IntegerDimension.of("depth", 1, 8));
        }
      };
    }
  }

  @Test
  void theKernelRefusesASpaceWithAnIntegerDimensionNamingIt() {
    try (ExperimentTestKit kit = ExperimentTestKit.with(new DepthSpaceProvider())) {
      assertEquals(List.of(), kit.rejections());
      LatheException e = assertThrows(LatheException.class, () -> kit.experiment()
          .space("depth-space").evaluator("branin").optimizer("cmaes").minimize("value")
          .trials(10).run());
      assertTrue(e.getMessage().contains("optimizer 'cmaes' does not support INTEGER dimensions,"
          + " but space 'depth-space' has one ('depth'); it supports [REAL, LOG_REAL]"),
          e.getMessage());
    }
  }

  @Test
  void searchesHartmann6InBatchesOfOnePopulation() {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      ExperimentResult r = kit.experiment().seed(3).space("hartmann6").evaluator("hartmann6")
          .optimizer("cmaes").minimize("value").trials(180).batch(9).run();
      assertEquals(180, r.completed());
      double best = r.best().orElseThrow().metrics().value("value");
      assertTrue(best < -3.0, "best of 180 trials " + best);
    }
  }
}
