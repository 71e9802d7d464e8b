package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.spi.ParameterSpec;
import java.util.List;

/** Blocks and parameters that the image classifiers share. */
final class Blocks {

  /** The input resolution {@code r} of the image classifiers. */
  static final ParameterSpec RESOLUTION = ParameterSpec.integer("r", 224,
      "input resolution in pixels (square images)").range(32, 2048);
  /** The number of classes of the image classifiers' heads. */
  static final ParameterSpec CLASSES = ParameterSpec.integer("classes", 1000,
      "classes of the classifier head (1000 for ImageNet)").range(1, 1_000_000);
  /** The image classifiers' parameters. */
  static final List<ParameterSpec> IMAGE_PARAMETERS = List.of(RESOLUTION, CLASSES);
  /** The API range every zoo provider needs. */
  static final String REQUIRES = "[0.1,1.0)";

  private Blocks() {}

  /**
   * Adds {@code name.conv} (no bias), {@code name.bn} and, unless {@code activation} is null,
   * {@code name.act}; returns the name of the last node added.
   */
  static String convBn(Network.Builder b, String name, Convolution conv, Activation activation) {
    b.add(name + ".conv", conv.withBias(false));
    b.add(name + ".bn", Normalization.batch(conv.outChannels()));
    if (activation != null) {
      b.add(name + ".act", activation);
    }
    return b.last();
  }

  /**
   * {@code v} rounded to the nearest multiple of {@code divisor} (at least {@code divisor}),
   * raised by one {@code divisor} if that lost more than 10%: the {@code make_divisible} of the
   * MobileNet papers' code.
   */
  static int makeDivisible(double v, int divisor) {
    int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
    return rounded < 0.9 * v ? rounded + divisor : rounded;
  }
}
