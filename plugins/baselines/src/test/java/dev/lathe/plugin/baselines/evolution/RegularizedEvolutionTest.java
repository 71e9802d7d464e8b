package dev.lathe.plugin.baselines.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegularizedEvolutionTest {

  private static final RegularizedEvolutionProvider PROVIDER = new RegularizedEvolutionProvider();

  @TempDir
  Path folder;

  private Optimizer optimizer(long seed, String... settings) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      map.put(settings[i], settings[i + 1]);
    }
    return Runs.optimizer(PROVIDER, map, seed, folder);
  }

  private static long changedDimensions(Candidate a, Candidate b) {
    return a.values().keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).count();
  }

  @Test
  void providerDeclaresItsIdPaperAndParameters() {
    assertEquals("evolution", PROVIDER.info().id());
    assertEquals("1802.01548", PROVIDER.info().paper().orElseThrow());
    assertTrue(!PROVIDER.multiObjective());
    assertEquals(List.of("population", "sample_size", "real_mutation", "sigma", "max_tries"),
        PROVIDER.parameters().stream().map(p -> p.name()).toList());
  }

  @Test
  void afterTheRandomPhaseEveryChildMutatesOneDimensionOfALivingMember() {
    Optimizer optimizer = optimizer(3, "population", "10", "sample_size", "3");
    List<Observation> told = new ArrayList<>();
    for (long trial = 0; trial < 80; trial++) {
      Candidate c = optimizer.ask(1).get(0);
      assertEquals(Optional.empty(), Runs.MIXED.space().violation(c));
      if (trial >= 10) {
        List<Observation> living = told.subList(told.size() - 10, told.size());
        assertTrue(living.stream().anyMatch(o -> changedDimensions(o.candidate(), c) == 1),
            "trial " + trial + " " + c + " is no one-dimension mutation of a living member");
      }
      Observation o = new Observation(trial, c, Runs.metrics(c), null);
      optimizer.tell(o);
      told.add(o);
    }
  }

  @Test
  void agingKillsTheOldestEvenWhenItIsTheBest() {
    // population 1: each child's only possible parent is the latest child, each worse than all
    // before it; an elitist population would keep mutating trial 0
    Optimizer optimizer = optimizer(5, "population", "1", "sample_size", "1");
    Candidate previous = optimizer.ask(1).get(0);
    optimizer.tell(new Observation(0, previous, Runs.metrics(previous), null));
    for (long trial = 1; trial < 30; trial++) {
      Candidate c = optimizer.ask(1).get(0);
      assertEquals(1, changedDimensions(previous, c), "trial " + trial);
      Metrics worse = Metrics.builder().add("loss", trial, "", Origin.ANALYTIC)
          .add("memory", 0, "MB", Origin.ANALYTIC).build();
      optimizer.tell(new Observation(trial, c, worse, null));
      previous = c;
    }
  }

  @Test
  void failedTrialsDoNotJoinAndAnEmptyPopulationKeepsSampling() {
    Optimizer optimizer = optimizer(9, "population", "2", "sample_size", "2");
    List<Candidate> first = optimizer.ask(4);
    for (int i = 0; i < 4; i++) {
      optimizer.tell(new Observation(i, first.get(i), Metrics.empty(), "failed"));
    }
    Optimizer fresh = optimizer(9, "population", "2", "sample_size", "2");
    fresh.ask(4);
    assertEquals(fresh.ask(3), optimizer.ask(3), "with nothing to select from, trials are random");
  }

  @Test
  void gaussianStepsKeepChildrenNextToTheirParents() {
    Optimizer optimizer = optimizer(4, "population", "5", "sample_size", "5",
        "real_mutation", "gaussian", "sigma", "0.000001");
    List<Candidate> earlier = Runs.drive(optimizer, 0, 5);
    int realSteps = 0;
    for (Candidate child : Runs.drive(optimizer, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)) {
      Optional<Dimension> step = earlier.stream()
          .filter(parent -> changedDimensions(parent, child) == 1)
          .map(parent -> smallStep(parent, child)).flatMap(Optional::stream).findFirst();
      assertTrue(step.isPresent(), child + " is no small step from an earlier candidate");
      realSteps += step.get().cardinality() < 0 ? 1 : 0;
      earlier.add(child);
    }
    assertTrue(realSteps > 0, "no real dimension was mutated");
  }

  /**
   * The dimension in which {@code child} differs from {@code parent}, if it is discrete or moved
   * by less than 1e-4 of its range.
   */
  private static Optional<Dimension> smallStep(Candidate parent, Candidate child) {
    for (Dimension d : Runs.MIXED.space().dimensions()) {
      Object a = parent.get(d.name());
      Object b = child.get(d.name());
      if (!a.equals(b)) {
        return d.cardinality() > 0 || Math.abs(d.toUnit(a) - d.toUnit(b)) < 1e-4
            ? Optional.of(d) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Test
  void restoredCheckpointContinuesExactlyAndCarriesItsSeed() {
    String[] settings = {"population", "8", "sample_size", "4", "real_mutation", "gaussian"};
    List<Candidate> uninterrupted = Runs.drive(optimizer(21, settings), 0, 5, 9, 3, 16, 7);

    Optimizer first = optimizer(21, settings);
    List<Candidate> before = Runs.drive(first, 0, 5, 9, 3);
    byte[] state = first.checkpoint().orElseThrow();
    Optimizer resumed = optimizer(1234, settings);
    resumed.restore(state);
    List<Candidate> after = Runs.drive(resumed, 17, 16, 7);

    assertEquals(uninterrupted.subList(0, 17), before);
    assertEquals(uninterrupted.subList(17, 40), after);
    assertEquals(List.of(), Runs.drive(first, 17, 16, 7).stream()
        .filter(c -> !after.contains(c)).toList(), "checkpoint() changed the original");
  }

  @Test
  void restoreRefusesForeignAndCorruptStates() {
    Optimizer optimizer = optimizer(1, "population", "4", "sample_size", "2");
    Runs.drive(optimizer, 0, 6);
    byte[] state = optimizer.checkpoint().orElseThrow();
    Optimizer smaller = optimizer(1, "population", "2", "sample_size", "2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> smaller.restore(state));
    assertEquals("optimizer 'evolution': checkpoint is corrupt: 4 members exceed population 2",
        e.getMessage());
    byte[] other = Runs.optimizer(new OfaEvolutionProvider(), Map.of("population", "4"), 1,
        folder).checkpoint().orElseThrow();
    assertEquals("optimizer 'evolution': checkpoint is a state of optimizer 'ofa-evolution'"
        + " format 1, expected 'evolution' format 1",
        assertThrows(IllegalArgumentException.class, () -> optimizer.restore(other))
            .getMessage());
  }

  @Test
  void tellRefusesTrialsNeverAskedOrToldTwice() {
    Optimizer optimizer = optimizer(2, "population", "2", "sample_size", "1");
    List<Candidate> asked = optimizer.ask(2);
    Observation o = new Observation(1, asked.get(1), Runs.metrics(asked.get(1)), null);
    optimizer.tell(o);
    assertEquals("optimizer 'evolution' was told the outcome of trial 1 twice",
        assertThrows(IllegalArgumentException.class, () -> optimizer.tell(o)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> optimizer.tell(
        new Observation(2, asked.get(0), Runs.metrics(asked.get(0)), null)));
    assertThrows(IllegalArgumentException.class, () -> optimizer.ask(0));
  }

  @Test
  void aSampleLargerThanThePopulationIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PROVIDER.create(TestPluginContext.builder(PROVIDER, folder)
            .set("population", "5").set("sample_size", "6").build(), Runs.MIXED));
    assertEquals("optimizer 'evolution': sample_size 6 must lie between 1 and population 5",
        e.getMessage());
  }
}
