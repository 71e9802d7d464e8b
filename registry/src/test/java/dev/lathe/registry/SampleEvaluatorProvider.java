package dev.lathe.registry;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;

/** A provider to put into test archives: its descriptor is all that the registry reads. */
public final class SampleEvaluatorProvider implements EvaluatorProvider {

  @Override
  public PluginInfo info() {
    return PluginInfo.of("sample", "1.0.0", "Sample evaluator", "[0.1,1.0)").withPaper("1234.5678");
  }

  @Override
  public Evaluator create(PluginContext context) {
    throw new UnsupportedOperationException("the registry tests never run a sample evaluator");
  }
}
