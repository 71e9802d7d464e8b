package dev.lathe.plugin.baselines.problems;

import static dev.lathe.plugin.baselines.Evaluations.evaluate;
import static dev.lathe.plugin.baselines.Evaluations.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.testkit.tck.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BraninTest {

  private static final double EXACT_MINIMUM = 5 / (4 * Math.PI);

  private SearchSpace space;
  private Evaluator evaluator;

  @BeforeEach
  void createSpaceAndEvaluator(@TempDir Path folder) {
    space = new BraninSpaceProvider().create(
        TestPluginContext.of(new BraninSpaceProvider(), folder));
    evaluator = new BraninEvaluatorProvider().create(
        TestPluginContext.of(new BraninEvaluatorProvider(), folder));
  }

  @Test
  void valueAtEachPublishedMinimiserIsTheGlobalMinimum() {
    for (List<Double> x : Branin.PUBLISHED_MINIMISERS) {
      double value = Branin.value(x.get(0), x.get(1));
      assertEquals(0.397887, value, 1e-6);
      assertEquals(EXACT_MINIMUM, value, 1e-10);
    }
    assertEquals(EXACT_MINIMUM, Branin.value(Math.PI, 2.275), 1e-15);
  }

  @Test
  void valuesAtHandComputedPoints() {
    // (0, 0): (0 - 0 + 0 - 6)^2 + 10 (1 - 1/(8 pi)) cos 0 + 10 = 56 - 5/(4 pi)
    assertEquals(56 - EXACT_MINIMUM, Branin.value(0, 0), 1e-12);
    // (pi, 0): (-2.275)^2 + 10 (1 - 1/(8 pi)) (-1) + 10 = 5.175625 + 5/(4 pi)
    assertEquals(5.175625 + EXACT_MINIMUM, Branin.value(Math.PI, 0), 1e-12);
    // (-5, 0), the domain's corner, checked against an independent evaluation
    assertEquals(308.12909601160663, Branin.value(-5, 0), 1e-9);
  }

  @Test
  void spaceIsTheStandardDomain() {
    assertEquals("branin", space.id());
    assertEquals(List.of(RealDimension.of("x1", -5, 10), RealDimension.of("x2", 0, 15)),
        space.dimensions());
  }

  @Test
  void evaluatorProducesAnAnalyticUnitlessValue() throws Exception {
    assertEquals("branin", evaluator.id());
    assertEquals(Set.of("value"), evaluator.produces());
    Metric value = evaluate(evaluator, point(Math.PI, 2.275)).get("value").orElseThrow();
    assertEquals(new Metric("value", Branin.value(Math.PI, 2.275), "", Origin.ANALYTIC), value);
  }

  @Test
  void evaluatorNamesAMissingDimension() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(1.0)));
    assertTrue(e.getMessage().contains("'x2'"), e.getMessage());
    assertTrue(e.getMessage().contains("'branin'"), e.getMessage());
  }

  @Test
  void evaluatorRefusesAValueOutsideTheDomain() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(evaluator, point(-5.5, 1.0)));
    assertTrue(e.getMessage().contains("'x1'"), e.getMessage());
  }

  @Test
  void valuesNeedTwoCoordinates() {
    assertThrows(IllegalArgumentException.class, () -> new Branin().values(new double[3]));
  }
}
