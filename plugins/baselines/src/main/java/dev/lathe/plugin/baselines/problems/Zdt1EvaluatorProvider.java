package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * The provider of the {@code zdt1} evaluator, which produces the metrics {@code f1} and
 * {@code f2} over the {@code dimensions} variables {@code x1 … xn}.
 */
public final class Zdt1EvaluatorProvider implements EvaluatorProvider {

  @Override
  public PluginInfo info() {
    return Zdt1.INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(Zdt1.DIMENSIONS);
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new TestFunctionEvaluator(Zdt1.from(context.settings()));
  }
}
