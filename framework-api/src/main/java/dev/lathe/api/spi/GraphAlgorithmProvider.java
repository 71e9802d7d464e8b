package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.graph.GraphAlgorithm;
import org.apiguardian.api.API;

/** Creates a graph algorithm; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface GraphAlgorithmProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.GRAPH_ALGORITHM;
  }

  /** A new instance configured by {@code context}. */
  GraphAlgorithm<?> create(PluginContext context);
}
