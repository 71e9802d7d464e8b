package dev.lathe.plugin.training;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * {@code small-cnn}: the network of PyTorch's MNIST example without dropout, for square images
 * of {@code channels × size × size}: 3×3 convolution to 32 channels, ReLU, 3×3 convolution to 64,
 * ReLU, 2×2 max pooling, flatten, linear to 128, ReLU, linear to {@code classes} logits (no
 * padding, stride 1, biases everywhere). For 1×28×28 and 10 classes it has 1,199,882
 * parameters.
 */
public final class SmallCnnProvider implements NetworkProvider {

  static final String ID = "small-cnn";
  /** The node whose output are the logits. */
  static final String LOGITS = "fc2";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Small CNN (conv32-conv64-fc128) of PyTorch's MNIST example",
        "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("channels", 1, "channels of the input images").range(1, 4096),
        ParameterSpec.integer("size", 28, "height and width of the input images in pixels")
            .range(6, 4096),
        ParameterSpec.integer("classes", 10, "classes of the classifier").range(1, 1_000_000));
  }

  @Override
  public Network create(PluginContext context) {
    return network(context.settings().getInt("channels"), context.settings().getInt("size"),
        context.settings().getInt("classes"));
  }

  /** The network for {@code channels × size × size} images and {@code classes} classes. */
  static Network network(int channels, int size, int classes) {
    int pooled = (size - 4) / 2;
    return Network.builder(ID).input("image", Shape.of(channels, size, size))
        .add("conv1", Convolution.conv2d(channels, 32, 3))
        .add("relu1", Activation.RELU)
        .add("conv2", Convolution.conv2d(32, 64, 3))
        .add("relu2", Activation.RELU)
        .add("pool", Pooling.max(2))
        .add("flatten", new Flatten())
        .add("fc1", Linear.of(64 * pooled * pooled, 128))
        .add("relu3", Activation.RELU)
        .add(LOGITS, Linear.of(128, classes))
        .build();
  }
}
