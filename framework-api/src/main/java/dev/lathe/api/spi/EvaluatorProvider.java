package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.metric.Evaluator;
import org.apiguardian.api.API;

/** Creates an evaluator; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface EvaluatorProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.EVALUATOR;
  }

  /** A new instance configured by {@code context}. */
  Evaluator create(PluginContext context);
}
