package dev.lathe.testkit.tck;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/** A correct network provider for the tests: an MLP 16 → width → 4 whose width must be even. */
public class TinyMlpProvider implements NetworkProvider {

  static final String ID = "tck-tiny-mlp";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Tiny MLP", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("width", 8, "hidden units, an even number")
        .range(2, 1024));
  }

  @Override
  public Network create(PluginContext context) {
    return network(context.settings().getInt("width"));
  }

  Network network(int width) {
    if (width % 2 != 0) {
      throw new IllegalArgumentException("width must be even, not " + width);
    }
    return Network.builder(ID).input("x", Shape.of(16))
        .add("hidden", Linear.of(16, width))
        .add("relu", Activation.RELU)
        .add("out", Linear.of(width, 4))
        .build();
  }
}
