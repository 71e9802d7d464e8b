package dev.lathe.plugin.ofa;

import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.spi.Settings;
import java.util.List;
import java.util.Locale;

/** Creates {@link OfaSpace}, the search space {@code ofa}. */
public final class OfaSpaceProvider implements SearchSpaceProvider {

  @Override
  public PluginInfo info() {
    return Ofa.info();
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.string("encoding", "categorical", "categorical: one categorical dimension"
            + " per gene; continuous: one real in [0, 1] per gene (for real-only optimizers)")
            .choices("categorical", "continuous"),
        ParameterSpec.string("granularity", "block", "block: a kernel size and expand ratio per"
            + " block and a depth per stage (the paper's space); uniform: one of each for the"
            + " whole network").choices("block", "uniform"),
        ParameterSpec.of("resolutions", ParameterSpec.Type.INTEGER_LIST, String.join(",",
            Subnet.RESOLUTIONS.stream().map(String::valueOf).toList()), "the resolutions the"
            + " gene r takes (default: all of 128 to 224 in steps of 4)").range(128, 224),
        ParameterSpec.real("max_macs", 0, "largest MACs (conv-linear) a subnet may have;"
            + " 0: no cap").atLeast(0),
        ParameterSpec.integer("classes", 1000, "classes of each subnet's classifier")
            .range(1, 1_000_000));
  }

  @Override
  public SearchSpace create(PluginContext context) {
    Settings s = context.settings();
    return new OfaSpace(OfaSpace.Encoding.valueOf(s.getString("encoding")
        .toUpperCase(Locale.ROOT)), OfaSpace.Granularity.valueOf(s.getString("granularity")
        .toUpperCase(Locale.ROOT)), s.getLongList("resolutions").stream()
        .map(Math::toIntExact).toList(), s.getDouble("max_macs"), s.getInt("classes"));
  }
}
