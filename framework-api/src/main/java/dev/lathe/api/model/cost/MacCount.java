package dev.lathe.api.model.cost;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Concat;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.DynamicConvolution;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.GatedLinearUnit;
import dev.lathe.api.model.LayerVisitor;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Reshape;
import dev.lathe.api.model.SqueezeExcitation;
import dev.lathe.api.model.TemporalShift;

/**
 * The MACs of one layer under a convention: every kind counts zero unless the convention
 * overrides it, so a convention states only what it counts.
 */
interface MacCount extends LayerVisitor<Double> {

  @Override
  default Double convolution(Convolution layer) {
    return 0.0;
  }

  @Override
  default Double linear(Linear layer) {
    return 0.0;
  }

  @Override
  default Double embedding(Embedding layer) {
    return 0.0;
  }

  @Override
  default Double normalization(Normalization layer) {
    return 0.0;
  }

  @Override
  default Double activation(Activation layer) {
    return 0.0;
  }

  @Override
  default Double pooling(Pooling layer) {
    return 0.0;
  }

  @Override
  default Double squeezeExcitation(SqueezeExcitation layer) {
    return 0.0;
  }

  @Override
  default Double multiHeadAttention(MultiHeadAttention layer) {
    return 0.0;
  }

  @Override
  default Double dynamicConvolution(DynamicConvolution layer) {
    return 0.0;
  }

  @Override
  default Double elementwise(Elementwise layer) {
    return 0.0;
  }

  @Override
  default Double concat(Concat layer) {
    return 0.0;
  }

  @Override
  default Double reshape(Reshape layer) {
    return 0.0;
  }

  @Override
  default Double flatten(Flatten layer) {
    return 0.0;
  }

  @Override
  default Double temporalShift(TemporalShift layer) {
    return 0.0;
  }

  @Override
  default Double gatedLinearUnit(GatedLinearUnit layer) {
    return 0.0;
  }
}
