package dev.lathe.plugin.baselines.cmaes;

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
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmaEsTest {

  @TempDir
  Path folder;

  private record Space(List<Dimension> dimensions) implements SearchSpace {
    @Override
    public String id() {
      return "cube";
    }
  }

  /** {@code n} dimensions named x0, x1, … on [−5, 5] (linear) or [1e-3, 1e3] (log). */
  private static SearchSpace cube(int n, boolean log) {
    return new Space(IntStream.range(0, n).mapToObj(i -> (Dimension) (log
        ? RealDimension.logOf("x" + i, 1e-3, 1e3) : RealDimension.of("x" + i, -5, 5))).toList());
  }

  private static Problem minimise(SearchSpace space, Constraint... constraints) {
    return new Problem(space, List.of(Objective.minimize("loss")), List.of(constraints));
  }

  private CmaEs optimizer(Problem problem, long seed, Map<String, String> settings) {
    CmaEsProvider provider = new CmaEsProvider();
    return (CmaEs) provider.create(TestPluginContext.builder(provider, folder)
        .settings(settings).seed(seed).build(), problem);
  }

  private static Metrics metrics(double loss, double sum) {
    return Metrics.builder().add("loss", loss, "", Origin.ANALYTIC)
        .add("sum", sum, "", Origin.ANALYTIC).build();
  }

  /** Runs {@code trials} trials in batches of {@code batch}; returns the best loss. */
  private static double run(Optimizer o, Problem problem, ToDoubleFunction<double[]> loss,
      int trials, int batch) {
    double best = Double.POSITIVE_INFINITY;
    long trial = 0;
    while (trial < trials) {
      for (Candidate c : o.ask((int) Math.min(batch, trials - trial))) {
        double[] x = problem.space().dimensions().stream()
            .mapToDouble(d -> c.getDouble(d.name())).toArray();
        Metrics m = metrics(loss.applyAsDouble(x), x[0] + x[1]);
        o.tell(new Observation(trial++, c, m, null));
        if (problem.feasible(m)) {
          best = Math.min(best, m.value("loss"));
        }
      }
    }
    return best;
  }

  @Test
  void providerDeclaresRealKindsOnlyAndOneObjective() {
    CmaEsProvider provider = new CmaEsProvider();
    assertEquals("cmaes", provider.info().id());
    assertEquals(EnumSet.of(Dimension.Kind.REAL, Dimension.Kind.LOG_REAL),
        provider.supportedKinds());
    assertFalse(provider.multiObjective());
  }

  @Test
  void defaultPopulationIsFourPlusThreeLogN() {
    assertEquals(4, CmaEs.defaultPopulation(1));
    assertEquals(6, CmaEs.defaultPopulation(2));
    assertEquals(9, CmaEs.defaultPopulation(6));
    assertEquals(10, CmaEs.defaultPopulation(10));
    assertEquals(17, CmaEs.defaultPopulation(100));
    assertEquals(9, optimizer(minimise(cube(6, false)), 1, Map.of()).population());
    assertEquals(20, optimizer(minimise(cube(6, false)), 1, Map.of("population", "20"))
        .population());
  }

  /** Reference values from the Python library cmaes 0.9.1 (CMA(population_size=λ)). */
  @Test
  void strategyParametersAreHansensDefaults() {
    CmaEs.Strategy s = new CmaEs.Strategy(10, 10);
    assertEquals(5, s.mu);
    assertArrayEquals(new double[] {0.45627265, 0.2707531, 0.16223112, 0.08523355, 0.02550959},
        s.weights, 1e-8);
    assertEquals(3.1672992814107026, s.muEff, 1e-12);
    assertEquals(0.2844285879463675, s.cSigma, 1e-12);
    assertEquals(1.2844285879463675, s.dSigma, 1e-12);
    assertEquals(0.29499038303562225, s.cC, 1e-12);
    assertEquals(0.015283824524751714, s.c1, 1e-12);
    assertEquals(0.02015428276120838, s.cMu, 1e-12);
    assertEquals(3.0847265651690123, s.chiN, 1e-12);
    CmaEs.Strategy small = new CmaEs.Strategy(2, 6);
    assertEquals(2.0286114646100617, small.muEff, 1e-12);
    assertEquals(0.1548153998964136, small.c1, 1e-12);
    assertEquals(0.057859085071916304, small.cMu, 1e-12);
  }

  @Test
  void mirrorReflectsAtTheBoundsAsOftenAsNeeded() {
    assertEquals(0.2, CmaEs.mirror(-0.2), 1e-15);
    assertEquals(0.7, CmaEs.mirror(1.3), 1e-15);
    assertEquals(0.5, CmaEs.mirror(2.5), 1e-15);
    assertEquals(0.3, CmaEs.mirror(-1.7), 1e-15);
    assertEquals(0.4, CmaEs.mirror(0.4), 0);
    assertEquals(1, CmaEs.mirror(1), 0);
  }

  @Test
  void convergesOnAnIllConditionedEllipsoidInTenDimensions() {
    // sum 10^(4 i / 9) (x_i - 1)^2 on [-5, 5]^10: condition number 10^4, minimum 0
    Problem problem = minimise(cube(10, false));
    double best = run(optimizer(problem, 3, Map.of()), problem, x -> {
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        sum += Math.pow(10, 4.0 * i / 9) * (x[i] - 1) * (x[i] - 1);
      }
      return sum;
    }, 6000, 10);
    assertTrue(best < 1e-8, "best " + best);
  }

  @Test
  void findsAMinimumOnTheBoundsOfALogSpace() {
    // the minimum of sum log10(x_i) lies at the corner x_i = 1e-3: -9 for three dimensions
    Problem problem = minimise(cube(3, true));
    double best = run(optimizer(problem, 5, Map.of()), problem,
        x -> Math.log10(x[0]) + Math.log10(x[1]) + Math.log10(x[2]), 600, 7);
    assertEquals(-9, best, 1e-4);
  }

  @Test
  void ranksInfeasibleCandidatesByViolationAndFindsTheConstrainedOptimum() {
    // minimise (x0 - 3)^2 + (x1 - 3)^2 subject to x0 + x1 <= 2: optimum 8 at (1, 1)
    Problem problem = minimise(cube(2, false), Constraint.parse("sum <= 2"));
    double best = run(optimizer(problem, 9, Map.of()), problem,
        x -> (x[0] - 3) * (x[0] - 3) + (x[1] - 3) * (x[1] - 3), 1200, 6);
    assertEquals(8, best, 1e-3);
  }

  @Test
  void restartsWithTwiceThePopulationOnceTheSearchStalls() {
    Problem problem = minimise(cube(2, false));
    CmaEs flat = optimizer(problem, 1, Map.of("restarts", "2"));
    run(flat, problem, x -> 1, 3000, 6);
    assertEquals(24, flat.population(), "two restarts: 6, 12, 24");
    CmaEs none = optimizer(problem, 1, Map.of());
    run(none, problem, x -> 1, 600, 6);
    assertEquals(6, none.population());
  }

  @Test
  void restoredCheckpointContinuesAfterRestartsAndMidGeneration() {
    Problem problem = minimise(cube(2, false));
    Map<String, String> settings = Map.of("restarts", "1", "population", "4");
    CmaEs original = optimizer(problem, 4, settings);
    run(original, problem, x -> 1, 1002, 5);
    assertEquals(8, original.population());
    List<Candidate> open = original.ask(3);
    original.tell(new Observation(1003, open.get(1), metrics(2, 0), null));
    CmaEs resumed = optimizer(problem, 77, Map.of());
    resumed.restore(original.checkpoint().orElseThrow());
    List<List<Candidate>> asked = new ArrayList<>();
    for (CmaEs o : List.of(original, resumed)) {
      o.tell(new Observation(1002, open.get(0), metrics(3, 0), null));
      o.tell(new Observation(1004, open.get(2), Metrics.empty(), "failed"));
      List<Candidate> next = new ArrayList<>();
      long trial = 1005;
      for (int round = 0; round < 6; round++) {
        for (Candidate c : o.ask(3)) {
          next.add(c);
          o.tell(new Observation(trial++, c, metrics(c.getDouble("x0") * c.getDouble("x0"), 0),
              null));
        }
      }
      asked.add(next);
    }
    assertEquals(asked.get(0), asked.get(1));
    assertArrayEquals(original.checkpoint().orElseThrow(), resumed.checkpoint().orElseThrow());
  }

  @Test
  void refusesDimensionsThatAreNotRealAndAPopulationOfOne() {
    Problem mixed = minimise(new Space(List.of(RealDimension.of("x", 0, 1),
        IntegerDimension.of("depth", 1, 8))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> optimizer(mixed, 1, Map.of()));
    assertEquals("optimizer 'cmaes' searches real and log-real dimensions only, but dimension"
        + " 'depth' of space 'cube' is INTEGER", e.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> optimizer(minimise(cube(2, false)), 1, Map.of("population", "1")));
    assertTrue(one.getMessage().contains("population 1"), one.getMessage());
  }

  @Test
  void tellRefusesTrialsNeverAskedOrToldTwice() {
    CmaEs o = optimizer(minimise(cube(2, false)), 1, Map.of());
    Candidate c = o.ask(1).get(0);
    o.tell(new Observation(0, c, metrics(1, 0), null));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> o.tell(new Observation(0, c, metrics(1, 0), null)));
    assertTrue(twice.getMessage().contains("told already"), twice.getMessage());
    IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
        () -> o.tell(new Observation(3, c, metrics(1, 0), null)));
    assertTrue(never.getMessage().contains("never asked"), never.getMessage());
  }

  @Test
  void restoreRefusesAStateOfAnotherDimensionOrATruncatedOne() {
    byte[] state = optimizer(minimise(cube(3, false)), 1, Map.of()).checkpoint().orElseThrow();
    CmaEs two = optimizer(minimise(cube(2, false)), 1, Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> two.restore(state));
    assertTrue(e.getMessage().contains("3 dimensions"), e.getMessage());
    CmaEs three = optimizer(minimise(cube(3, false)), 1, Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> three.restore(java.util.Arrays.copyOf(state, state.length - 1)));
  }
}
