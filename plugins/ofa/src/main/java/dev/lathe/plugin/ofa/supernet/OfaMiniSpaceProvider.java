package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.plugin.ofa.Ofa;
import java.util.List;

/** Creates {@link OfaMiniSpace}, the search space {@code ofa-mini}. */
public final class OfaMiniSpaceProvider implements SearchSpaceProvider {

  @Override
  public PluginInfo info() {
    return Ofa.miniInfo();
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.real("max_macs", 0, "largest MACs (conv-linear) a subnet may"
        + " have; 0: no cap").atLeast(0));
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return new OfaMiniSpace(context.settings().getDouble("max_macs"));
  }
}
