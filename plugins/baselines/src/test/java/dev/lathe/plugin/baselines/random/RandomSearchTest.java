package dev.lathe.plugin.baselines.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomSearchTest {

  /** A space of every dimension kind, constrained to {@code depth * width <= 96}. */
  private static final SearchSpace MIXED = new SearchSpace() {
    private final List<Dimension> dimensions = List.of(
        CategoricalDimension.of("activation", "relu", "gelu", "swish"),
        IntegerDimension.of("depth", 1, 12),
        new IntegerDimension("width", 8, 64, 8),
        RealDimension.of("dropout", 0, 0.5),
        RealDimension.logOf("learning_rate", 1e-5, 1e-1));

    @Override
    public String id() {
      return "mixed";
    }

    @Override
    public List<Dimension> dimensions() {
      return dimensions;
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
      Optional<String> base = SearchSpace.super.violation(candidate);
      if (base.isPresent()) {
        return base;
      }
      return candidate.getLong("depth") * candidate.getLong("width") > 96
          ? Optional.of("depth * width > 96") : Optional.empty();
    }
  };

  private static final Problem PROBLEM = new Problem(MIXED,
      List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms")), List.of());

  @TempDir
  Path folder;

  private Optimizer optimizer(long seed) {
    RandomSearchProvider provider = new RandomSearchProvider();
    return provider.create(TestPluginContext.builder(provider, folder).seed(seed).build(),
        PROBLEM);
  }

  private static List<Candidate> ask(Optimizer optimizer, int... batches) {
    List<Candidate> all = new ArrayList<>();
    for (int n : batches) {
      List<Candidate> batch = optimizer.ask(n);
      assertEquals(n, batch.size());
      all.addAll(batch);
    }
    return all;
  }

  @Test
  void providerDeclaresRandomSearchForEveryKindAndManyObjectives() {
    RandomSearchProvider provider = new RandomSearchProvider();
    assertEquals("random", provider.info().id());
    assertEquals("0.1.0", provider.info().version().toString());
    assertEquals("[0.1.0,1.0.0)", provider.info().requires().toString());
    assertTrue(provider.info().paper().isEmpty());
    assertTrue(provider.multiObjective());
    assertEquals(EnumSet.allOf(Dimension.Kind.class), provider.supportedKinds());
    assertEquals(List.of(), provider.parameters());
    assertEquals("random", optimizer(1).id());
  }

  @Test
  void candidatesAreValidAndHonourTheSpaceConstraint() {
    List<Candidate> candidates = ask(optimizer(7), 500);
    for (Candidate c : candidates) {
      assertEquals(Optional.empty(), MIXED.violation(c), c::toString);
    }
    assertTrue(new HashSet<>(candidates).size() > 490, "candidates repeat too often");
  }

  @Test
  void sameSeedGivesTheSameCandidatesHoweverTheAsksAreBatched() {
    List<Candidate> inOne = ask(optimizer(42), 30);
    assertEquals(inOne, ask(optimizer(42), 30));
    assertEquals(inOne, ask(optimizer(42), 1, 7, 2, 20));
  }

  @Test
  void differentSeedsGiveDifferentCandidates() {
    List<Candidate> a = ask(optimizer(1), 20);
    List<Candidate> b = ask(optimizer(2), 20);
    assertTrue(a.stream().noneMatch(b::contains), "seeds 1 and 2 share a candidate");
  }

  @Test
  void restoredCheckpointContinuesLikeAnUninterruptedRun() {
    List<Candidate> uninterrupted = ask(optimizer(2024), 13, 12);

    Optimizer first = optimizer(2024);
    List<Candidate> before = ask(first, 6, 7);
    byte[] state = first.checkpoint().orElseThrow();
    Optimizer resumed = optimizer(99);
    resumed.restore(state);
    List<Candidate> after = ask(resumed, 12);

    assertEquals(uninterrupted.subList(0, 13), before);
    assertEquals(uninterrupted.subList(13, 25), after);
    assertEquals(17, state.length);
  }

  @Test
  void restoreRefusesAForeignState() {
    Optimizer optimizer = optimizer(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> optimizer.restore(new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("'random'"), e.getMessage());
    byte[] state = optimizer.checkpoint().orElseThrow();
    state[0] = 9;
    assertThrows(IllegalArgumentException.class, () -> optimizer.restore(state));
  }

  @Test
  void tellAcceptsAskedTrialsOnlyAndDoesNotChangeWhatComesNext() {
    Optimizer told = optimizer(5);
    List<Candidate> asked = told.ask(3);
    told.tell(new Observation(0, asked.get(0), Metrics.empty(), "timed out"));
    told.tell(new Observation(2, asked.get(2), Metrics.builder()
        .add("accuracy", 0.9, "", Origin.MEASURED).build(), null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> told.tell(new Observation(3, asked.get(0), Metrics.empty(), null)));
    assertTrue(e.getMessage().contains("trial 3"), e.getMessage());

    Optimizer silent = optimizer(5);
    silent.ask(3);
    assertEquals(silent.ask(4), told.ask(4));
  }

  @Test
  void askNeedsAPositiveCount() {
    assertThrows(IllegalArgumentException.class, () -> optimizer(1).ask(0));
  }

  @Test
  void streamSeedsDifferForNeighbouringSeedsAndIndices() {
    HashSet<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long index = 0; index < 50; index++) {
        assertTrue(seen.add(RandomSearch.streamSeed(seed, index)), seed + "/" + index);
      }
    }
    assertNotEquals(RandomSearch.streamSeed(0, 1),
        RandomSearch.streamSeed(0x9e3779b97f4a7c15L, 0));
  }

  @Test
  void mix64IsTheSplitMix64Finaliser() {
    // first output of SplitMix64 seeded with 0 is mix64(0x9e3779b97f4a7c15)
    assertEquals(0xe220a8397b1dcdafL, RandomSearch.mix64(0x9e3779b97f4a7c15L));
    assertEquals(0L, RandomSearch.mix64(0));
  }
}
