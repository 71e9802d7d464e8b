package dev.lathe.plugin.baselines.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.space.Candidate;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfaEvolutionTest {

  private static final OfaEvolutionProvider PROVIDER = new OfaEvolutionProvider();
  private static final Map<String, String> SMALL = Map.of("population", "10",
      "parent_ratio", "0.3", "mutation_ratio", "0.5", "mutate_probability", "0");

  @TempDir
  Path folder;

  private Optimizer optimizer(long seed, Map<String, String> settings) {
    return Runs.optimizer(PROVIDER, settings, seed, folder);
  }

  private static long changedDimensions(Candidate a, Candidate b) {
    return a.values().keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).count();
  }

  @Test
  void providerDeclaresTheOfficialDefaults() {
    assertEquals("ofa-evolution", PROVIDER.info().id());
    assertEquals("1908.09791", PROVIDER.info().paper().orElseThrow());
    assertEquals(List.of("population=100", "parent_ratio=0.25", "mutation_ratio=0.5",
        "mutate_probability=0.1", "real_mutation=redraw", "sigma=0.1", "max_tries=1000"),
        PROVIDER.parameters().stream().map(p -> p.name() + "=" + p.defaultValue()).toList());
  }

  @Test
  void aGenerationIsMutationsThenCrossoversOfTheBestParentsFeasibleFirst() {
    Optimizer optimizer = optimizer(6, SMALL);
    List<Candidate> generation0 = optimizer.ask(10);
    // trials 0 to 4 have the lowest losses but break memory <= 40; trials 5 to 9 hold, and the
    // best three of them, 5, 6 and 7, are the parents: feasibility first, then loss
    for (int i = 0; i < 10; i++) {
      optimizer.tell(new Observation(i, generation0.get(i), Metrics.builder()
          .add("loss", i, "", Origin.ANALYTIC)
          .add("memory", i < 5 ? 100 : 0, "MB", Origin.ANALYTIC).build(), null));
    }
    List<Candidate> parents = generation0.subList(5, 8);

    List<Candidate> generation1 = optimizer.ask(10);
    for (Candidate mutant : generation1.subList(0, 5)) {
      // mutate_probability 0: a mutation changes exactly one dimension, drawn uniformly
      assertTrue(parents.stream().anyMatch(p -> changedDimensions(p, mutant) == 1),
          mutant + " is no mutation of a parent");
    }
    for (Candidate child : generation1.subList(5, 10)) {
      assertTrue(parents.stream().anyMatch(a -> parents.stream().anyMatch(b ->
          child.values().keySet().stream().allMatch(k ->
              child.get(k).equals(a.get(k)) || child.get(k).equals(b.get(k))))),
          child + " is no crossover of two parents");
    }
    for (Candidate c : generation1) {
      assertEquals(Optional.empty(), Runs.MIXED.space().violation(c));
    }
  }

  @Test
  void aBatchAcrossGenerationsIsBredFromTheParentsAtHand() {
    Optimizer batched = optimizer(2, SMALL);
    Optimizer stepwise = optimizer(2, SMALL);
    // 25 asked at once: generation 0 is random, and so is what follows, with no parents yet
    List<Candidate> all = Runs.drive(batched, 0, 25, 10);
    List<Candidate> random = Runs.drive(stepwise, 0, 10);
    assertEquals(random, all.subList(0, 10));
    assertTrue(all.subList(25, 35).stream().allMatch(c ->
        Runs.MIXED.space().violation(c).isEmpty()));
  }

  @Test
  void restoredCheckpointContinuesExactlyMidGeneration() {
    List<Candidate> uninterrupted = Runs.drive(optimizer(11, SMALL), 0, 10, 4, 9, 16, 5);
    Optimizer first = optimizer(11, SMALL);
    List<Candidate> before = Runs.drive(first, 0, 10, 4, 9);
    Optimizer resumed = optimizer(11, SMALL);
    resumed.restore(first.checkpoint().orElseThrow());
    assertEquals(uninterrupted.subList(0, 23), before);
    assertEquals(uninterrupted.subList(23, 44), Runs.drive(resumed, 23, 16, 5));
  }

  @Test
  void aStateOfAnotherGenerationSizeIsRefused() {
    Optimizer optimizer = optimizer(1, SMALL);
    Runs.drive(optimizer, 0, 13);
    byte[] state = optimizer.checkpoint().orElseThrow();
    Optimizer other = optimizer(1, Map.of("population", "4"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.restore(state));
    assertEquals("optimizer 'ofa-evolution': checkpoint has generations of 10 trials, this"
        + " optimizer 4; restore it with the same settings", e.getMessage());
  }

  @Test
  void tellRefusesATrialToldTwiceEvenAfterItsGenerationCompleted() {
    Optimizer optimizer = optimizer(1, Map.of("population", "2", "parent_ratio", "0.5"));
    List<Candidate> asked = optimizer.ask(3);
    Observation zero = new Observation(0, asked.get(0), Metrics.empty(), "failed");
    optimizer.tell(zero);
    optimizer.tell(new Observation(1, asked.get(1), Runs.metrics(asked.get(1)), null));
    assertEquals("optimizer 'ofa-evolution' was told the outcome of trial 0 twice",
        assertThrows(IllegalArgumentException.class, () -> optimizer.tell(zero)).getMessage());
  }

  @Test
  void aParentRatioThatKeepsNoParentIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PROVIDER.create(TestPluginContext.builder(PROVIDER, folder)
            .set("population", "10").set("parent_ratio", "0.01").build(), Runs.MIXED));
    assertEquals("optimizer 'ofa-evolution': parent_ratio 0.01 of population 10 keeps no"
        + " parent; raise one of them", e.getMessage());
  }
}
