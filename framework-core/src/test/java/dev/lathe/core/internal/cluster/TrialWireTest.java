package dev.lathe.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialWireTest {

  private static TrialTask task() {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("depth", 4L);
    x.put("ratio", 0.25);
    x.put("whole", 2.0);
    x.put("kind", "mbconv");
    x.put("skip", true);
    return new TrialTask("0123456789abcdef", 17, 2, Candidate.of(x), -42L, Duration.ofMillis(1500));
  }

  @Test
  void aTaskReadsBackEqualWithItsCandidateHash() {
    TrialTask task = task();
    TrialTask back = TrialWire.task(TrialWire.task(task));
    assertEquals(task, back);
    assertEquals(task.candidate().hash(), back.candidate().hash());
    assertEquals(Double.class, back.candidate().values().get("whole").getClass());
    assertEquals(Long.class, back.candidate().values().get("depth").getClass());
  }

  @Test
  void anOutcomeReadsBackWithItsMetricsIncludingNonFiniteOnes() {
    TrialTask task = task();
    Metrics metrics = Metrics.builder().add("accuracy", 0.75, "", Origin.MEASURED)
        .add("latency_ms", Double.POSITIVE_INFINITY, "ms", Origin.PREDICTED).build();
    TrialOutcome outcome = new TrialOutcome(task, metrics, null,
        Instant.parse("2026-11-27T10:00:00.123456789Z"), Duration.ofNanos(20_000_123),
        "10.0.0.2:5701");
    TrialWire.Reply reply = TrialWire.reply(task, TrialWire.outcome(outcome));
    assertFalse(reply.refused());
    assertNull(reply.refusal());
    assertEquals(outcome, reply.outcome());
  }

  @Test
  void aFailedOutcomeKeepsItsReason() {
    TrialTask task = task();
    TrialOutcome failed = new TrialOutcome(task, Metrics.empty(), "timed out after 1500 ms",
        Instant.parse("2026-11-27T10:00:00Z"), Duration.ofMillis(1500), "w:1");
    assertEquals(failed, TrialWire.reply(task, TrialWire.outcome(failed)).outcome());
  }

  @Test
  void aRefusalCarriesItsReason() {
    TrialWire.Reply reply = TrialWire.reply(task(), TrialWire.refusal("lacks evaluator 'x' 1.0.0"));
    assertTrue(reply.refused());
    assertEquals("lacks evaluator 'x' 1.0.0", reply.refusal());
    assertNull(reply.outcome());
  }

  @Test
  void aRecipeReadsBackEqualAndNamesWhatAWorkerLacks() {
    TrialRecipe recipe = new TrialRecipe("exp", 7, "/data/exp", List.of(
        new RecipeComponent("space", ExtensionPoint.SEARCH_SPACE, "ofa", "0.1.0", Map.of()),
        new RecipeComponent("evaluators(0)", ExtensionPoint.EVALUATOR, "slow", "0.1.0",
            Map.of("delay", "20ms"))));
    assertEquals(recipe, TrialRecipe.fromJson(recipe.toJson()));
    assertEquals(Optional.empty(), recipe.missingFrom(
        Set.of("search-space/ofa@0.1.0", "evaluator/slow@0.1.0", "optimizer/random@0.1.0")));
    assertEquals(Optional.of("lacks evaluator 'slow' 0.1.0 (evaluators(0))"),
        recipe.missingFrom(Set.of("search-space/ofa@0.1.0")));
    assertEquals(Optional.of("has evaluator 'slow' 0.2.0 where the experiment uses 0.1.0"
        + " (evaluators(0))"),
        recipe.missingFrom(Set.of("search-space/ofa@0.1.0", "evaluator/slow@0.2.0")));
  }
}
