package dev.lathe.plugin.baselines.problems;

import static dev.lathe.plugin.baselines.Evaluations.evaluate;
import static dev.lathe.plugin.baselines.Evaluations.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hartmann6Test {

  private static final double[] MINIMISER =
      Hartmann6.PUBLISHED_MINIMISER.stream().mapToDouble(Double::doubleValue).toArray();

  @TempDir
  Path folder;

  private Evaluator evaluator;

  @BeforeEach
  void createEvaluator() {
    evaluator = new Hartmann6EvaluatorProvider().create(
        TestPluginContext.of(new Hartmann6EvaluatorProvider(), folder));
  }

  @Test
  void valueAtThePublishedMinimiserIsThePublishedMinimum() {
    assertEquals(-3.32237, Hartmann6.value(MINIMISER), 1e-5);
  }

  @Test
  void publishedMinimiserIsALocalMinimum() {
    double atMinimiser = Hartmann6.value(MINIMISER);
    for (int j = 0; j < 6; j++) {
      for (double step : new double[] {-1e-3, 1e-3}) {
        double[] x = MINIMISER.clone();
        x[j] += step;
        assertTrue(Hartmann6.value(x) > atMinimiser, "step " + step + " in x" + (j + 1));
      }
    }
  }

  @Test
  void valuesAtHandComputedPoints() {
    // x = 0: -sum_i alpha_i exp(-sum_j A_ij P_ij^2); independently evaluated
    assertEquals(-0.00508911288366444, Hartmann6.value(new double[6]), 1e-15);
    double[] half = new double[6];
    Arrays.fill(half, 0.5);
    assertEquals(-0.5053149917022333, Hartmann6.value(half), 1e-13);
    // at the first term's centre P_1 that term is exactly -alpha_1 = -1; the others add -0.0116
    double[] centre = {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886};
    assertEquals(-1.0116423784467174, Hartmann6.value(centre), 1e-13);
  }

  @Test
  void spaceIsTheUnitSixCube() {
    SearchSpace space = new Hartmann6SpaceProvider().create(
        TestPluginContext.of(new Hartmann6SpaceProvider(), folder));
    assertEquals("hartmann6", space.id());
    List<Dimension> expected = List.of(RealDimension.of("x1", 0, 1),
        RealDimension.of("x2", 0, 1), RealDimension.of("x3", 0, 1), RealDimension.of("x4", 0, 1),
        RealDimension.of("x5", 0, 1), RealDimension.of("x6", 0, 1));
    assertEquals(expected, space.dimensions());
  }

  @Test
  void evaluatorProducesAnAnalyticUnitlessValue() throws Exception {
    assertEquals(Set.of("value"), evaluator.produces());
    Metric value = evaluate(evaluator, point(MINIMISER)).get("value").orElseThrow();
    assertEquals(new Metric("value", Hartmann6.value(MINIMISER), "", Origin.ANALYTIC), value);
  }

  @Test
  void evaluatorNamesTheMissingDimension() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(0.1, 0.2, 0.3, 0.4, 0.5)));
    assertTrue(e.getMessage().contains("'x6'"), e.getMessage());
  }

  @Test
  void evaluatorRefusesANonNumericValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(MINIMISER).with("x3", "wide")));
    assertTrue(e.getMessage().contains("'x3'"), e.getMessage());
  }

  @Test
  void valueNeedsSixCoordinates() {
    assertThrows(IllegalArgumentException.class, () -> Hartmann6.value(new double[5]));
  }
}
