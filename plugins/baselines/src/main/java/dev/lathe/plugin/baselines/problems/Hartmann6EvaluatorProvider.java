package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;

/** The provider of the {@code hartmann6} evaluator, which produces the metric {@code value}. */
public final class Hartmann6EvaluatorProvider implements EvaluatorProvider {

  @Override
  public PluginInfo info() {
    return Hartmann6.INFO;
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new TestFunctionEvaluator(new Hartmann6());
  }
}
