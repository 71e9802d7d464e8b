package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;

/** The provider of the {@code branin} search space: {@code x1 ∈ [-5, 10]}, {@code x2 ∈ [0, 15]}. */
public final class BraninSpaceProvider implements SearchSpaceProvider {

  @Override
  public PluginInfo info() {
    return Branin.INFO;
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return new TestFunctionSpace(new Branin());
  }
}
