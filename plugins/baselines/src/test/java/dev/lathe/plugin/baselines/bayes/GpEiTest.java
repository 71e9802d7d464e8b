package dev.lathe.plugin.baselines.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Constraint;
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
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpEiTest {

  @TempDir
  Path folder;

  private record Space(List<Dimension> dimensions) implements SearchSpace {
    @Override
    public String id() {
      return "test";
    }
  }

  private static final SearchSpace SQUARE = new Space(List.of(
      RealDimension.of("x", 0, 1), RealDimension.of("y", 0, 1)));

  /** Every kind: optimum at act = gelu, depth = 13, x = 0.3, rate = 1e-2. */
  private static final SearchSpace MIXED = new Space(List.of(
      CategoricalDimension.of("act", "relu", "gelu", "tanh"), IntegerDimension.of("depth", 0, 20),
      RealDimension.of("x", -1, 1), RealDimension.logOf("rate", 1e-4, 1)));

  private static Metrics mixedLoss(Candidate c) {
    double loss = (c.get("act").equals("gelu") ? 0 : 0.5)
        + Math.pow(c.getLong("depth") - 13, 2) / 100 + Math.pow(c.getDouble("x") - 0.3, 2)
        + Math.pow(Math.log10(c.getDouble("rate")) + 2, 2) / 16;
    return Metrics.builder().add("loss", loss, "", Origin.ANALYTIC).build();
  }

  private static Metrics bowl(Candidate c) {
    double x = c.getDouble("x");
    double y = c.getDouble("y");
    return Metrics.builder()
        .add("loss", (x - 0.8) * (x - 0.8) + (y - 0.8) * (y - 0.8), "", Origin.ANALYTIC)
        .add("sum", x + y, "", Origin.ANALYTIC).build();
  }

  private Optimizer optimizer(Problem problem, long seed, Map<String, String> settings) {
    GpEiProvider provider = new GpEiProvider();
    return provider.create(TestPluginContext.builder(provider, folder).settings(settings)
        .seed(seed).build(), problem);
  }

  /** Asks in batches, tells every outcome back, and returns all metrics in trial order. */
  private static List<Metrics> run(Optimizer optimizer, Function<Candidate, Metrics> evaluate,
      long first, int... batches) {
    List<Metrics> all = new ArrayList<>();
    long trial = first;
    for (int n : batches) {
      for (Candidate c : optimizer.ask(n)) {
        Metrics m = evaluate.apply(c);
        optimizer.tell(new Observation(trial++, c, m, null));
        all.add(m);
      }
    }
    return all;
  }

  private static Problem minimise(SearchSpace space, Constraint... constraints) {
    return new Problem(space, List.of(Objective.minimize("loss")), List.of(constraints));
  }

  @Test
  void providerDeclaresEveryKindOneObjectiveAndDocumentedParameters() {
    GpEiProvider provider = new GpEiProvider();
    assertEquals("gp-ei", provider.info().id());
    assertEquals(EnumSet.allOf(Dimension.Kind.class), provider.supportedKinds());
    assertFalse(provider.multiObjective());
    assertEquals(List.of("initial_points", "initial_design", "batch_strategy",
        "acquisition_samples", "refine_starts", "fit_starts", "xi"),
        provider.parameters().stream().map(ParameterSpec::name).toList());
    assertEquals(List.of("kriging-believer", "constant-liar-min", "constant-liar-mean",
        "constant-liar-max"), provider.parameters().get(2).choices());
  }

  @Test
  void firstCandidatesFollowTheShiftedSobolDesign() {
    Optimizer o = optimizer(minimise(new Space(List.of(RealDimension.of("x", 0, 8)))), 3,
        Map.of("initial_points", "8"));
    List<Candidate> design = o.ask(8);
    boolean[] cell = new boolean[8];
    for (Candidate c : design) {
      cell[(int) c.getDouble("x")] = true;
    }
    assertArrayEquals(new boolean[] {true, true, true, true, true, true, true, true}, cell,
        design::toString);
  }

  @Test
  void findsTheOptimumOfASpaceOfEveryKind() {
    Optimizer o = optimizer(minimise(MIXED), 11, Map.of());
    List<Metrics> outcomes = run(o, GpEiTest::mixedLoss, 0, 10, 10, 10, 10, 10);
    double best = outcomes.stream().mapToDouble(m -> m.value("loss")).min().orElseThrow();
    double firstTen = outcomes.subList(0, 10).stream().mapToDouble(m -> m.value("loss")).min()
        .orElseThrow();
    assertTrue(best < 0.01, "best loss " + best + " after 50 trials (initial design: "
        + firstTen + ")");
  }

  @Test
  void batchesHoldDistinctCandidatesUnderEveryStrategy() {
    for (String strategy : List.of("kriging-believer", "constant-liar-min",
        "constant-liar-mean", "constant-liar-max")) {
      Optimizer o = optimizer(minimise(SQUARE), 5, Map.of("batch_strategy", strategy,
          "initial_points", "6"));
      run(o, GpEiTest::bowl, 0, 6);
      List<Candidate> batch = o.ask(8);
      assertEquals(8, new HashSet<>(batch).size(), strategy + ": " + batch);
      double closest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < batch.size(); i++) {
        for (int j = 0; j < i; j++) {
          closest = Math.min(closest, Math.hypot(
              batch.get(i).getDouble("x") - batch.get(j).getDouble("x"),
              batch.get(i).getDouble("y") - batch.get(j).getDouble("y")));
        }
      }
      assertTrue(closest > 1e-3, strategy + ": two candidates " + closest + " apart");
    }
  }

  @Test
  void constraintSurrogatesSteerTheSearchToTheFeasibleOptimum() {
    // minimise (x - 0.8)^2 + (y - 0.8)^2 subject to x + y <= 1: optimum 0.18 at (0.5, 0.5)
    Problem problem = minimise(SQUARE, Constraint.parse("sum <= 1"));
    Optimizer o = optimizer(problem, 2, Map.of());
    List<Metrics> outcomes = run(o, GpEiTest::bowl, 0, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4);
    double bestFeasible = outcomes.stream().filter(problem::feasible)
        .mapToDouble(m -> m.value("loss")).min().orElseThrow();
    long feasibleAfterDesign = outcomes.subList(6, outcomes.size()).stream()
        .filter(problem::feasible).count();
    assertEquals(0.18, bestFeasible, 0.01);
    assertTrue(feasibleAfterDesign >= 12, feasibleAfterDesign + " of 24 feasible");
  }

  @Test
  void restoredCheckpointContinuesWithCandidatesStillPending() {
    Problem problem = minimise(SQUARE, Constraint.parse("sum <= 1.2"));
    Map<String, String> settings = Map.of("initial_points", "4", "batch_strategy",
        "constant-liar-min");
    Optimizer original = optimizer(problem, 7, settings);
    run(original, GpEiTest::bowl, 0, 4, 3);
    List<Candidate> open = original.ask(3);
    original.tell(new Observation(7, open.get(0), bowl(open.get(0)), null));
    byte[] state = original.checkpoint().orElseThrow();
    Optimizer resumed = optimizer(problem, 99, settings);
    resumed.restore(state);
    for (Optimizer o : List.of(original, resumed)) {
      o.tell(new Observation(9, open.get(2), Metrics.empty(), "crashed"));
      o.tell(new Observation(8, open.get(1), bowl(open.get(1)), null));
    }
    assertEquals(run(original, GpEiTest::bowl, 10, 2, 1), run(resumed, GpEiTest::bowl, 10, 2, 1));
    assertArrayEquals(original.checkpoint().orElseThrow(), resumed.checkpoint().orElseThrow());
  }

  @Test
  void restoreRefusesAForeignOrTruncatedState() {
    Optimizer square = optimizer(minimise(SQUARE), 1, Map.of());
    run(square, GpEiTest::bowl, 0, 3);
    byte[] state = square.checkpoint().orElseThrow();
    Optimizer mixed = optimizer(minimise(MIXED), 1, Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mixed.restore(state));
    assertTrue(e.getMessage().contains("'gp-ei'") && e.getMessage().contains("4"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> square.restore(java.util.Arrays.copyOf(state, state.length - 3)));
    byte[] wrongFormat = state.clone();
    wrongFormat[0] = 42;
    assertThrows(IllegalArgumentException.class, () -> square.restore(wrongFormat));
  }

  @Test
  void tellRefusesTrialsNeverAskedOrToldTwice() {
    Optimizer o = optimizer(minimise(SQUARE), 1, Map.of());
    Candidate c = o.ask(1).get(0);
    o.tell(new Observation(0, c, bowl(c), null));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> o.tell(new Observation(0, c, bowl(c), null)));
    assertTrue(twice.getMessage().contains("told already"), twice.getMessage());
    IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
        () -> o.tell(new Observation(5, c, bowl(c), null)));
    assertTrue(never.getMessage().contains("never asked"), never.getMessage());
    assertThrows(IllegalArgumentException.class, () -> o.ask(0));
  }

  @Test
  void outcomesWithoutAFiniteLossAreLeftOutOfTheSurrogate() {
    Optimizer o = optimizer(minimise(SQUARE), 4, Map.of("initial_points", "3"));
    List<Candidate> first = o.ask(3);
    o.tell(new Observation(0, first.get(0), Metrics.builder()
        .add("loss", Double.NaN, "", Origin.MEASURED).build(), null));
    o.tell(new Observation(1, first.get(1), Metrics.builder()
        .add("other", 1, "", Origin.MEASURED).build(), null));
    o.tell(new Observation(2, first.get(2), bowl(first.get(2)), null));
    List<Candidate> next = o.ask(2);
    assertEquals(2, next.size());
    for (Candidate c : next) {
      assertEquals(Optional.empty(), SQUARE.violation(c));
    }
  }

  @Test
  void candidatesHonourTheSpaceOwnConstraints() {
    SearchSpace triangle = new SearchSpace() {
      @Override
      public String id() {
        return "triangle";
      }

      @Override
      public List<Dimension> dimensions() {
        return SQUARE.dimensions();
      }

      @Override
      public Optional<String> violation(Candidate candidate) {
        Optional<String> base = SearchSpace.super.violation(candidate);
        return base.isPresent() || candidate.getDouble("x") + candidate.getDouble("y") <= 1
            ? base : Optional.of("x + y > 1");
      }
    };
    Optimizer o = optimizer(minimise(triangle), 8, Map.of("initial_points", "5"));
    List<Candidate> asked = new ArrayList<>();
    long trial = 0;
    for (int round = 0; round < 5; round++) {
      for (Candidate c : o.ask(3)) {
        asked.add(c);
        o.tell(new Observation(trial++, c, bowl(c), null));
      }
    }
    for (Candidate c : asked) {
      assertEquals(Optional.empty(), triangle.violation(c), c::toString);
    }
  }

  @Test
  void refusesSeveralObjectives() {
    Problem two = new Problem(SQUARE, List.of(Objective.minimize("loss"),
        Objective.minimize("sum")), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> optimizer(two, 1, Map.of()));
    assertTrue(e.getMessage().contains("one objective"), e.getMessage());
  }
}
