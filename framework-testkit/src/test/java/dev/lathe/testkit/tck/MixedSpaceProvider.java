package dev.lathe.testkit.tck;

import dev.lathe.api.space.CategoricalDimension;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import java.util.List;
import java.util.Optional;

/**
 * A three-dimension mixed space (activation, layer width, log-scaled learning rate) with one
 * constraint: tanh layers are at most {@code max_tanh_width} wide.
 */
public final class MixedSpaceProvider implements SearchSpaceProvider {

  static final String ID = "tck-mixed-space";

  /** The constructor ServiceLoader calls. */
  public MixedSpaceProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Mixed categorical, integer and log-real space", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("max_tanh_width", 32,
        "widest layer allowed with the tanh activation").range(8, 64));
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return new MixedSpace(context.settings().getLong("max_tanh_width"));
  }

  /** The space itself. */
  static class MixedSpace implements SearchSpace {
    private static final List<Dimension> DIMENSIONS = List.of(
        CategoricalDimension.of("activation", "relu", "gelu", "tanh"),
        new IntegerDimension("width", 8, 64, 8),
        RealDimension.logOf("learning_rate", 1e-4, 1e-1));

    private final long maxTanhWidth;

    MixedSpace(long maxTanhWidth) {
      this.maxTanhWidth = maxTanhWidth;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public List<Dimension> dimensions() {
      return DIMENSIONS;
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
      Optional<String> outside = SearchSpace.super.violation(candidate);
      if (outside.isPresent()) {
        return outside;
      }
      if (candidate.getString("activation").equals("tanh")
          && candidate.getLong("width") > maxTanhWidth) {
        return Optional.of("tanh layers are at most " + maxTanhWidth + " wide, got "
            + candidate.getLong("width"));
      }
      return Optional.empty();
    }
  }
}
