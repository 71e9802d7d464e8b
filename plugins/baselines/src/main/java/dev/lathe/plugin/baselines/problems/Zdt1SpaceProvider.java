package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import java.util.List;

/**
 * The provider of the {@code zdt1} search space: {@code x1 … xn ∈ [0, 1]}, {@code n} set by
 * {@code dimensions}.
 */
public final class Zdt1SpaceProvider implements SearchSpaceProvider {

  @Override
  public PluginInfo info() {
    return Zdt1.INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(Zdt1.DIMENSIONS);
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return new TestFunctionSpace(Zdt1.from(context.settings()));
  }
}
