package dev.lathe.api.model.cost;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.SqueezeExcitation;

/** Networks small enough to count by hand; the tests state every term. */
final class TinyNetworks {

  private TinyNetworks() {}

  /**
   * [3, 8, 8] → conv 3→4 k3 s2 p1 (no bias) [4, 4, 4] → bn → hswish → SE 4→2→4 (hsigmoid gate)
   * → depthwise conv k3 p1 (no bias) → add (with hswish) → global avg pool [4, 1, 1] → flatten
   * [4] → linear 4→10.
   */
  static Network mobileBlock() {
    return Network.builder("mobile-block")
        .input("image", Shape.of(3, 8, 8))
        .add("conv", Convolution.conv2d(3, 4, 3).withStride(2).withPadding(1).withBias(false))
        .add("bn", Normalization.batch(4))
        .add("act", Activation.HSWISH)
        .add("se", SqueezeExcitation.of(4, 2).withGate(Activation.Function.HSIGMOID))
        .add("dw", Convolution.conv2d(4, 4, 3).depthwise().withPadding(1).withBias(false))
        .add("add", Elementwise.ADD, "dw", "act")
        .add("pool", Pooling.globalAvg())
        .add("flat", new Flatten())
        .add("fc", Linear.of(4, 10))
        .build();
  }
}
