package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.testkit.tck.EvaluatorContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicronetScoreEvaluatorContractTest extends EvaluatorContract {

  @Override
  protected EvaluatorProvider provider() {
    return new MicronetScoreEvaluatorProvider();
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(Candidate.of(Map.of("layers", 8)),
        Candidate.of(Map.of("layers", 4, "d_ff", 512, "bits", 9, "sparsity", 0.4)));
  }

  @Test
  void theCandidateReplacesTheSettingsItNames() {
    MicronetScoreEvaluator evaluator = (MicronetScoreEvaluator) newEvaluator();
    Metrics published = evaluator.evaluate(Candidate.of(Map.of("layers", 8)), null);
    assertEquals(8_296_021, published.get("micronet_params").orElseThrow().value());
    assertEquals("17.427", String.format(java.util.Locale.ROOT, "%.3f",
        published.get("micronet_ops").orElseThrow().value() / 1e6));
    Metrics smaller = evaluator.evaluate(Candidate.of(Map.of("layers", 4, "bits", 9,
        "sparsity", 0.4)), null);
    assertEquals(8_296_021 - 4 * 593_752, smaller.get("micronet_params").orElseThrow().value());
    assertTrue(smaller.get("micronet_score").orElseThrow().value()
        < published.get("micronet_score").orElseThrow().value() / 2);
  }
}
