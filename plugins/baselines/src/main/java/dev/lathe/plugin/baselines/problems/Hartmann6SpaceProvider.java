package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;

/** The provider of the {@code hartmann6} search space: {@code x1 … x6 ∈ [0, 1]}. */
public final class Hartmann6SpaceProvider implements SearchSpaceProvider {

  @Override
  public PluginInfo info() {
    return Hartmann6.INFO;
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return new TestFunctionSpace(new Hartmann6());
  }
}
