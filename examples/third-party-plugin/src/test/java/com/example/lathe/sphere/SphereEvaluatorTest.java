package com.example.lathe.sphere;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.core.PluginDescription;
import dev.lathe.testkit.ExperimentTestKit;
import dev.lathe.testkit.tck.TestEvaluationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sphere's values, and the plugin as the kernel finds it. */
class SphereEvaluatorTest {

  @Test
  void valueIsTheScaledSumOfSquaresOrOfAbsoluteValues() throws Exception {
    Candidate c = Candidate.of(Map.of("x1", 0.5, "x2", -2.0));
    Metrics l2 = new SphereEvaluatorProvider.SphereEvaluator(2.0, false).evaluate(c, TestEvaluationContext.of("t", 1));
    assertEquals(2.0 * (0.25 + 4.0), l2.value("value"), 1e-12);
    Metrics l1 = new SphereEvaluatorProvider.SphereEvaluator(1.0, true).evaluate(c, TestEvaluationContext.of("t", 1));
    assertEquals(2.5, l1.value("value"), 1e-12);
  }

  @Test
  void theKernelFindsThePluginWithItsParameters() {
    try (ExperimentTestKit kit = ExperimentTestKit.with()) {
      assertEquals(List.of(), kit.rejections());
      PluginDescription sphere = kit.lathe().describe("sphere");
      assertEquals(List.of(ExtensionPoint.EVALUATOR), sphere.points());
      assertEquals(List.of("scale", "norm"), sphere.parameters().get(ExtensionPoint.EVALUATOR)
          .stream().map(ParameterSpec::name).toList());
    }
  }
}
