package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.space.SearchSpace;
import org.apiguardian.api.API;

/** Creates a search space; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface SearchSpaceProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.SEARCH_SPACE;
  }

  /** A new instance configured by {@code context}. */
  SearchSpace create(PluginContext context);
}
