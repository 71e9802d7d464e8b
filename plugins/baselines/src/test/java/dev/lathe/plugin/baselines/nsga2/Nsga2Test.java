package dev.lathe.plugin.baselines.nsga2;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.baselines.TestSpaces;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Nsga2Test {

  private static final Nsga2Provider PROVIDER = new Nsga2Provider();
  private static final SearchSpace MIXED = TestSpaces.mixed();

  /** Two objectives over the mixed space, and a constraint on the second: cost <= 0.7 (its least value in the space is about 0.47). */
  private static final Problem PROBLEM = new Problem(MIXED,
      List.of(Objective.minimize("loss"), Objective.minimize("cost")),
      List.of(Constraint.parse("cost <= 0.7")));

  @TempDir
  Path folder;

  private Optimizer optimizer(long seed, Map<String, String> settings, Problem problem) {
    return PROVIDER.create(
        TestPluginContext.builder(PROVIDER, folder).settings(settings).seed(seed).build(),
        problem);
  }

  private static Metrics metrics(Candidate c) {
    double[] u = MIXED.encode(c);
    double loss = 0;
    double cost = 0;
    for (double x : u) {
      loss += (x - 0.2) * (x - 0.2);
      cost += (x - 0.8) * (x - 0.8);
    }
    return Metrics.builder().add("loss", loss, "", Origin.ANALYTIC)
        .add("cost", cost, "", Origin.ANALYTIC).build();
  }

  /** Asks batches of {@code sizes} and tells each back, every fifth trial failed. */
  private static List<Candidate> drive(Optimizer optimizer, long first, int... sizes) {
    List<Candidate> asked = new ArrayList<>();
    long trial = first;
    for (int n : sizes) {
      for (Candidate c : optimizer.ask(n)) {
        optimizer.tell(trial % 5 == 4
            ? new Observation(trial, c, Metrics.empty(), "failed on purpose")
            : new Observation(trial, c, metrics(c), null));
        asked.add(c);
        trial++;
      }
    }
    return asked;
  }

  @Test
  void providerDeclaresDebsOperatorSettings() {
    assertEquals("nsga2", PROVIDER.info().id());
    assertTrue(PROVIDER.multiObjective());
    assertEquals(List.of("population=100", "crossover_probability=0.9", "crossover_eta=20.0",
        "mutation_eta=20.0", "mutated_dimensions=1.0", "max_tries=1000"),
        PROVIDER.parameters().stream().map(p -> p.name() + "=" + p.defaultValue()).toList());
  }

  @Test
  void offspringOfEveryKindStayInTheConstrainedSpace() {
    Optimizer optimizer = optimizer(3, Map.of("population", "12"), PROBLEM);
    for (Candidate c : drive(optimizer, 0, 12, 12, 12, 12, 12, 12, 12, 12)) {
      assertEquals(Optional.empty(), MIXED.violation(c), c::toString);
    }
  }

  @Test
  void constraintDominationDrivesTheSearchIntoTheFeasibleRegion() {
    Optimizer optimizer = optimizer(5, Map.of("population", "20"), PROBLEM);
    List<Candidate> asked = drive(optimizer, 0, 20);
    long feasibleAtFirst = asked.stream().filter(c -> PROBLEM.feasible(metrics(c))).count();
    for (int g = 1; g < 15; g++) {
      asked = drive(optimizer, 20L * g, 20);
    }
    long feasibleAtLast = asked.stream().filter(c -> PROBLEM.feasible(metrics(c))).count();
    assertTrue(feasibleAtFirst <= 4 && feasibleAtLast >= 12,
        feasibleAtFirst + " feasible in generation 0, " + feasibleAtLast + " in generation 14");
  }

  @Test
  void restoredCheckpointContinuesExactlyMidGeneration() {
    Map<String, String> settings = Map.of("population", "8");
    List<Candidate> uninterrupted = drive(optimizer(13, settings, PROBLEM), 0, 8, 5, 7, 16, 3);
    Optimizer first = optimizer(13, settings, PROBLEM);
    List<Candidate> before = drive(first, 0, 8, 5, 7);
    Optimizer resumed = optimizer(13, settings, PROBLEM);
    resumed.restore(first.checkpoint().orElseThrow());
    assertEquals(uninterrupted.subList(0, 20), before);
    assertEquals(uninterrupted.subList(20, 39), drive(resumed, 20, 16, 3));
  }

  @Test
  void singleObjectiveProblemsAreSearchedToo() {
    Problem single = new Problem(MIXED, List.of(Objective.minimize("loss")), List.of());
    Optimizer optimizer = optimizer(7, Map.of("population", "10"), single);
    List<Candidate> asked = drive(optimizer, 0, 10, 10, 10, 10, 10, 10);
    double first = asked.subList(0, 10).stream()
        .mapToDouble(c -> metrics(c).value("loss")).min().orElseThrow();
    double last = asked.subList(50, 60).stream()
        .mapToDouble(c -> metrics(c).value("loss")).min().orElseThrow();
    assertTrue(last < first, first + " -> " + last);
  }

  @Test
  void anInfeasibleSpaceIsOneClearError() {
    Problem impossible = new Problem(TestSpaces.branin(-100),
        List.of(Objective.minimize("f1"), Objective.minimize("f2")), List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> optimizer(1, Map.of("max_tries", "20"), impossible).ask(1));
    assertEquals("optimizer 'nsga2': space 'constrained-branin' refused all 20 random"
        + " candidates; its constraint looks infeasible: x1 + x2 > -100.0 (relax the constraint"
        + " or raise max_tries)", e.getMessage());
  }
}
