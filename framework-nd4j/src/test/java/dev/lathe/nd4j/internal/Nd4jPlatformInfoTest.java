package dev.lathe.nd4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import dev.lathe.nd4j.train.Models;
import dev.lathe.nd4j.train.TrainableModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Nd4jPlatformInfoTest {

  @Test
  void theProviderReportsTheBackendOnceNd4jIsInUse() {
    Nd4jAccess.open();
    Map<String, String> facts = new Nd4jPlatformInfo().platformInfo();
    assertEquals("nd4j-native", facts.get("tensor_backend"));
    assertEquals("OpenBLAS", facts.get("blas.vendor"));
  }

  @Test
  void anExperimentWhoseEvaluatorBuildsAModelRecordsTheBackendInItsProvenance() {
    try (Lathe lathe = Lathe.open(null, List.of(new ModelSizeProvider()))) {
      ExperimentResult result = lathe.newExperiment()
          .space("branin").evaluator("branin").evaluator("model-size").optimizer("random")
          .minimize("value").trials(2)
          .run();
      assertEquals(784 * 8 + 8 + 8 * 10 + 10, result.trials().get(0).metrics().value("weights"));
      Map<String, String> platform = result.provenance().platform();
      assertEquals("nd4j-native", platform.get("tensor_backend"));
      assertEquals("1.0.0-M2.1", platform.get("tensor_backend.version"));
      assertEquals("CPU", platform.get("tensor_backend.device"));
      assertEquals("OpenBLAS", platform.get("blas.vendor"));
      assertEquals("0.3.19", platform.get("blas.version"));
      assertEquals("1", platform.get("blas.threads"));
      assertEquals(System.getProperty("java.version"), platform.get("java.version"));
    }
  }

  /** Builds a small MLP with the training module for every trial: a real use of ND4J. */
  public static final class ModelSizeProvider implements EvaluatorProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("model-size", "1.0.0", "Weights of a small MLP", "[0.1,1.0)");
    }

    @Override
    public Evaluator create(PluginContext context) {
      return new Evaluator() {
        @Override
        public String id() {
          return "model-size";
        }

        @Override
        public Set<String> produces() {
          return Set.of("weights");
        }

        @Override
        public Metrics evaluate(Candidate candidate, EvaluationContext ctx) {
          TrainableModel model = Models.mlp(784, List.of(8), 10, ctx.seed());
          return Metrics.builder()
              .add("weights", model.parameterCount(), "", Origin.ANALYTIC).build();
        }
      };
    }
  }
}
