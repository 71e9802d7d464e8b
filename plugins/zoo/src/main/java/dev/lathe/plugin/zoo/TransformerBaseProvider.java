package dev.lathe.plugin.zoo;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Shape;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * {@code transformer-base}: the base Transformer of Vaswani et al. (arXiv:1706.03762, Table 3):
 * an encoder-decoder of 6 + 6 post-norm layers, d_model 512, 8 heads, d_ff 2048 with ReLU,
 * biases in every projection, and one vocabulary shared by source and target whose embedding
 * matrix is also the pre-softmax projection (§3.4), followed by a softmax. Encoder layers: self
 * attention, residual, layer norm, feed-forward, residual, layer norm; decoder layers add
 * cross-attention to the encoder's output after their (causally masked) self-attention. The
 * √d_model scaling of embeddings and the sinusoidal positional encodings have no parameters
 * and no multiplications that a convention counts as MACs; they are not nodes here. The
 * causal mask changes no count: the masked scores are computed too.
 */
public final class TransformerBaseProvider implements NetworkProvider {

  static final int MODEL = 512;
  static final int HEADS = 8;
  static final int FEED_FORWARD = 2048;
  static final int LAYERS = 6;

  @Override
  public PluginInfo info() {
    return PluginInfo.of("transformer-base", "0.1.0", "Transformer (base), encoder-decoder",
        Blocks.REQUIRES).withPaper("1706.03762",
        "Attention Is All You Need");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("vocabulary", 37_000,
            "tokens of the shared source-target vocabulary (37000 BPE for WMT'14 En-De)")
            .range(2, 10_000_000),
        ParameterSpec.integer("source-length", 30, "tokens of the source sentence")
            .range(1, 100_000),
        ParameterSpec.integer("target-length", 30, "tokens of the target sentence")
            .range(1, 100_000));
  }

  @Override
  public Network create(PluginContext context) {
    int vocabulary = context.settings().getInt("vocabulary");
    Network.Builder b = Network.builder("transformer-base")
        .input("source", Shape.of(context.settings().getInt("source-length")))
        .input("target", Shape.of(context.settings().getInt("target-length")));
    b.add("embed.source", new Embedding(vocabulary, MODEL), "source");
    for (int i = 0; i < LAYERS; i++) {
      String name = "encoder." + i;
      residual(b, name + ".self_attn", MultiHeadAttention.self(MODEL, HEADS), b.last());
      feedForward(b, name);
    }
    String memory = b.last();
    b.add("embed.target", new Embedding(vocabulary, MODEL), "target")
        .shareWeights("embed.target", "embed.source");
    for (int i = 0; i < LAYERS; i++) {
      String name = "decoder." + i;
      residual(b, name + ".self_attn", MultiHeadAttention.self(MODEL, HEADS), b.last());
      residual(b, name + ".cross_attn", MultiHeadAttention.cross(MODEL, HEADS), b.last(), memory);
      feedForward(b, name);
    }
    b.add("output", Linear.of(MODEL, vocabulary).withBias(false))
        .shareWeights("output", "embed.source");
    b.add("softmax", Activation.SOFTMAX);
    return b.build();
  }

  /** {@code name} reading {@code reads}, its residual sum with the first and a layer norm. */
  private static void residual(Network.Builder b, String name, MultiHeadAttention attention,
      String... reads) {
    b.add(name, attention, reads);
    b.add(name + ".add", Elementwise.ADD, name, reads[0]);
    b.add(name + ".norm", Normalization.layer(MODEL));
  }

  /** The position-wise feed-forward sub-layer of layer {@code layer}, residual and norm. */
  private static void feedForward(Network.Builder b, String layer) {
    String input = b.last();
    b.add(layer + ".ffn.fc1", Linear.of(MODEL, FEED_FORWARD));
    b.add(layer + ".ffn.relu", Activation.RELU);
    b.add(layer + ".ffn.fc2", Linear.of(FEED_FORWARD, MODEL));
    b.add(layer + ".ffn.add", Elementwise.ADD, layer + ".ffn.fc2", input);
    b.add(layer + ".ffn.norm", Normalization.layer(MODEL));
  }
}
