package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.Workload;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.testkit.tck.EvaluatorContract;
import dev.lathe.testkit.tck.TestEvaluationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModelEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new ModelEvaluatorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("test-images", "128");
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(Candidate.of(Map.of("model", "small-cnn")));
  }

  @Override
  protected Optional<Workload> workload(Candidate candidate) {
    return Optional.of(SmallCnnFixture.model());
  }

  @Override
  protected int threads() {
    return 2;
  }

  @Test
  void measuresTheCompressedModelItIsGiven() throws Exception {
    NetworkModel dense = SmallCnnFixture.model();
    NetworkModel pruned = (NetworkModel) Compressor.chain(List.of(
        new PruneCompressor(0.5, 4, 2, 1e-3, 3, LoggerFactory.getLogger(getClass()))), dense)
        .model();
    Metrics before = evaluate(dense);
    Metrics after = evaluate(pruned);
    assertEquals(dense.parameterCount(), before.value("nonzero_params"), 0,
        "a trained dense model has no exact zeros");
    assertTrue(after.value("nonzero_params") <= 0.5 * dense.parameterCount() + 1,
        "at least half pruned: " + after.value("nonzero_params"));
    assertTrue(after.value("micronet_size") < before.value("micronet_size"));
    assertTrue(after.value("micronet_score") < before.value("micronet_score"));
    for (Metrics m : List.of(before, after)) {
      assertTrue(m.value("accuracy") >= 0 && m.value("accuracy") <= 1, m.toString());
    }
  }

  @Test
  void refusesATrialWithoutAModelOfThisPlugin() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> newEvaluator().evaluate(candidates().get(0), TestEvaluationContext.of("t", 1)));
    assertEquals("evaluator 'micronet-model' measures a model of this plugin (space"
        + " 'micronet-cnn'), but the trial's workload is missing", e.getMessage());
  }

  private Metrics evaluate(NetworkModel model) throws Exception {
    return newEvaluator().evaluate(candidates().get(0),
        TestEvaluationContext.of("t", 1).withWorkload(Optional.of(model)));
  }
}
