package dev.lathe.plugin.baselines.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.plugin.baselines.TestSpaces;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridSearchTest {

  private static final GridSearchProvider PROVIDER = new GridSearchProvider();

  @TempDir
  Path folder;

  private Optimizer optimizer(SearchSpace space, String... settings) {
    TestPluginContext.Builder context = TestPluginContext.builder(PROVIDER, folder);
    for (int i = 0; i < settings.length; i += 2) {
      context.set(settings[i], settings[i + 1]);
    }
    return PROVIDER.create(context.build(),
        new Problem(space, List.of(Objective.minimize("value")), List.of()));
  }

  private static SearchSpace space(Dimension... dimensions) {
    List<Dimension> list = List.of(dimensions);
    return new SearchSpace() {
      @Override
      public String id() {
        return "small";
      }

      @Override
      public List<Dimension> dimensions() {
        return list;
      }
    };
  }

  private static String text(Candidate c) {
    return c.values().values().toString();
  }

  @Test
  void enumeratesEveryCombinationLikeNestedLoopsLastDimensionFastest() {
    SearchSpace small = space(CategoricalDimension.of("act", "relu", "gelu"),
        IntegerDimension.of("depth", 1, 2), RealDimension.of("rate", 0, 1));
    List<String> asked = optimizer(small, "points", "3").ask(12).stream()
        .map(GridSearchTest::text).toList();
    assertEquals(List.of("[relu, 1, 0.0]", "[relu, 1, 0.5]", "[relu, 1, 1.0]",
        "[relu, 2, 0.0]", "[relu, 2, 0.5]", "[relu, 2, 1.0]",
        "[gelu, 1, 0.0]", "[gelu, 1, 0.5]", "[gelu, 1, 1.0]",
        "[gelu, 2, 0.0]", "[gelu, 2, 0.5]", "[gelu, 2, 1.0]"), asked);
  }

  @Test
  void realLevelsAreEvenInUnitSpaceAndOneLevelIsTheMidpoint() {
    List<Double> rates = optimizer(space(RealDimension.logOf("rate", 1e-4, 1)), "points", "5")
        .ask(5).stream().map(c -> c.getDouble("rate")).toList();
    double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], rates.get(i), expected[i] * 1e-12);
    }
    assertEquals(List.of(2.5, 2.5), optimizer(space(RealDimension.of("x", 0, 5)), "points", "1")
        .ask(2).stream().map(c -> c.getDouble("x")).toList());
  }

  @Test
  void integerStepsAreRespected() {
    List<Long> widths = optimizer(space(new IntegerDimension("width", 8, 32, 8))).ask(4).stream()
        .map(c -> c.getLong("width")).toList();
    assertEquals(List.of(8L, 16L, 24L, 32L), widths);
  }

  @Test
  void aGridLargerThanMaxSizeIsRefusedWithItsSize() {
    SearchSpace six = space(RealDimension.of("x1", 0, 1), RealDimension.of("x2", 0, 1),
        IntegerDimension.of("n", 1, 100), CategoricalDimension.of("c", "a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> optimizer(six, "points", "40", "max_size", "100000"));
    assertEquals("optimizer 'grid': the grid of space 'small' has 320000 points (x1: 40 × x2: 40"
        + " × n: 100 × c: 2), more than max_size 100000; lower points or raise max_size",
        e.getMessage());
    SearchSpace huge = space(IntegerDimension.of("a", 0, Long.MAX_VALUE - 1),
        IntegerDimension.of("b", 0, 9));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> optimizer(huge)).getMessage()
        .contains("has more than 9223372036854775807 points"));
  }

  @Test
  void pointsThatTheSpaceRefusesAreSkipped() {
    SearchSpace constrained = TestSpaces.branin(4);
    Optimizer optimizer = optimizer(constrained, "points", "11");
    int valid = 0;
    for (int i = 0; i <= 10; i++) {
      for (int j = 0; j <= 10; j++) {
        valid += -5 + 1.5 * i + 1.5 * j <= 4 + 1e-9 ? 1 : 0;
      }
    }
    List<Candidate> pass = optimizer.ask(valid);
    assertEquals(valid, new HashSet<>(pass).size());
    pass.forEach(c -> assertTrue(constrained.violation(c).isEmpty(), c::toString));
    assertEquals(pass.get(0), optimizer.ask(1).get(0), "the second pass starts again");
  }

  @Test
  void aBudgetBeyondTheGridRepeatsItInTheSameOrder() {
    Optimizer optimizer = optimizer(space(IntegerDimension.of("n", 1, 3)));
    assertEquals(List.of(1L, 2L, 3L, 1L, 2L, 3L, 1L),
        optimizer.ask(7).stream().map(c -> c.getLong("n")).toList());
  }

  @Test
  void aSpaceThatRefusesEveryPointIsOneClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> optimizer(TestSpaces.branin(-100), "points", "4").ask(1));
    assertEquals("optimizer 'grid': space 'constrained-branin' refuses every one of the 16 points"
        + " of its grid (x1: 4 × x2: 4); last reason: x1 + x2 > -100.0", e.getMessage());
  }

  @Test
  void restoredCheckpointContinuesWhereItStood() {
    SearchSpace constrained = TestSpaces.branin(4);
    List<Candidate> uninterrupted = optimizer(constrained, "points", "7").ask(30);
    Optimizer first = optimizer(constrained, "points", "7");
    List<Candidate> resumedRun = new ArrayList<>(first.ask(13));
    Optimizer resumed = optimizer(constrained, "points", "7");
    resumed.restore(first.checkpoint().orElseThrow());
    resumedRun.addAll(resumed.ask(17));
    assertEquals(uninterrupted, resumedRun);
    assertThrows(IllegalArgumentException.class, () -> resumed.restore(new byte[] {1, 2}));
  }

  @Test
  void tellAcceptsAskedTrialsOnly() {
    Optimizer optimizer = optimizer(space(IntegerDimension.of("n", 1, 3)));
    List<Candidate> asked = optimizer.ask(2);
    optimizer.tell(new Observation(1, asked.get(1), Metrics.empty(), "failed"));
    assertThrows(IllegalArgumentException.class,
        () -> optimizer.tell(new Observation(2, asked.get(0), Metrics.empty(), null)));
  }

  @Test
  void providerDeclaresItsParameters() {
    assertEquals("grid", PROVIDER.info().id());
    assertTrue(PROVIDER.multiObjective());
    assertEquals(List.of("points=10", "max_size=100000"), PROVIDER.parameters().stream()
        .map(p -> p.name() + "=" + p.defaultValue()).toList());
  }
}
