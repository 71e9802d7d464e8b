package dev.lathe.plugin.baselines.problems;

import static dev.lathe.plugin.baselines.Evaluations.evaluate;
import static dev.lathe.plugin.baselines.Evaluations.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Zdt1Test {

  @TempDir
  Path folder;

  @Test
  void valuesAtHandComputedPoints() {
    // n = 2, x = (0.25, 0.5): g = 1 + 9 * 0.5 = 5.5, f2 = 5.5 (1 - sqrt(0.25 / 5.5))
    assertArrayEquals(new double[] {0.25, 5.5 - Math.sqrt(1.375)},
        new Zdt1(2).values(new double[] {0.25, 0.5}), 1e-15);
    // n = 4, x = (1, 1, 1, 1): g = 10, f2 = 10 - sqrt(10)
    assertArrayEquals(new double[] {1, 10 - Math.sqrt(10)},
        new Zdt1(4).values(new double[] {1, 1, 1, 1}), 1e-14);
    // x1 = 0: f2 = g, the worst end of every front
    assertArrayEquals(new double[] {0, 1 + 9 * 0.3 / 2},
        new Zdt1(3).values(new double[] {0, 0.1, 0.2}), 1e-15);
  }

  @Test
  void pointsWithZeroTailLieOnTheParetoFront() {
    Zdt1 zdt1 = new Zdt1(30);
    for (double f1 : new double[] {0, 0.01, 0.25, 0.5, 0.81, 1}) {
      double[] x = new double[30];
      x[0] = f1;
      double[] f = zdt1.values(x);
      assertEquals(f1, f[0]);
      assertEquals(Zdt1.paretoFront(f1), f[1], 1e-15);
    }
    assertEquals(0.1, Zdt1.paretoFront(0.81), 1e-15);
  }

  @Test
  void dimensionsParameterIsDeclaredWithItsRange() {
    ParameterSpec spec = Zdt1.DIMENSIONS;
    assertEquals("dimensions", spec.name());
    assertEquals(ParameterSpec.Type.INTEGER, spec.type());
    assertEquals("30", spec.defaultValue());
    assertEquals(2.0, spec.min());
    assertEquals(1000.0, spec.max());
    assertEquals(List.of(spec), new Zdt1SpaceProvider().parameters());
    assertEquals(List.of(spec), new Zdt1EvaluatorProvider().parameters());
  }

  @Test
  void spaceHasThirtyDimensionsByDefault() {
    SearchSpace space =
        new Zdt1SpaceProvider().create(TestPluginContext.of(new Zdt1SpaceProvider(), folder));
    assertEquals("zdt1", space.id());
    assertEquals(30, space.dimensions().size());
    assertEquals(RealDimension.of("x30", 0, 1), space.dimensions().get(29));
  }

  @Test
  void spaceAndEvaluatorReadTheDimensionsSetting() throws Exception {
    Map<String, String> five = Map.of("dimensions", "5");
    SearchSpace space = new Zdt1SpaceProvider().create(
        TestPluginContext.builder(new Zdt1SpaceProvider(), folder).settings(five).build());
    assertEquals(List.of("x1", "x2", "x3", "x4", "x5"),
        space.dimensions().stream().map(Dimension::name).toList());
    Evaluator evaluator = new Zdt1EvaluatorProvider().create(
        TestPluginContext.builder(new Zdt1EvaluatorProvider(), folder).settings(five).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(0.5, 0, 0, 0)));
    assertTrue(e.getMessage().contains("'x5'"), e.getMessage());
    Metrics metrics = evaluate(evaluator, point(0.5, 0, 0, 0, 0));
    assertEquals(0.5, metrics.value("f1"));
    assertEquals(1 - Math.sqrt(0.5), metrics.value("f2"), 1e-15);
  }

  @Test
  void evaluatorProducesTwoAnalyticObjectivesAndIgnoresOtherDimensions() throws Exception {
    Evaluator evaluator = twoDimensional();
    assertEquals(Set.of("f1", "f2"), evaluator.produces());
    Metrics metrics = evaluate(evaluator, point(0.25, 0.5).with("batch_size", 64));
    assertEquals(List.of("f1", "f2"), List.copyOf(metrics.names()));
    assertEquals(5.5 - Math.sqrt(1.375), metrics.value("f2"), 1e-15);
    metrics.all().forEach(m -> {
      assertEquals(Origin.ANALYTIC, m.origin());
      assertEquals("", m.unit());
    });
  }

  @Test
  void evaluatorRefusesAValueOutsideTheUnitInterval() {
    Evaluator evaluator = twoDimensional();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(0.5, 1.5)));
    assertTrue(e.getMessage().contains("'x2'"), e.getMessage());
  }

  @Test
  void refusesFewerThanTwoDimensionsOrAWrongPoint() {
    assertThrows(IllegalArgumentException.class, () -> new Zdt1(1));
    assertThrows(IllegalArgumentException.class, () -> new Zdt1(3).values(new double[2]));
  }

  private Evaluator twoDimensional() {
    return new Zdt1EvaluatorProvider().create(TestPluginContext
        .builder(new Zdt1EvaluatorProvider(), folder).settings(Map.of("dimensions", "2")).build());
  }
}
