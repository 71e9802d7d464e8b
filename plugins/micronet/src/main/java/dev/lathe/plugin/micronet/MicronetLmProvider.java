package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.spi.MicronetScorer;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/**
 * {@code micronet-lm}: the MicroNet challenge's winning language model (arXiv:2005.07877) as a
 * network, and its challenge score term by term. The defaults are the published 8-layer model
 * (d 256, 8 heads of 24, FFN 768, 97 keys, cutoffs 3500 and 25000, embedding widths 256, 64 and
 * 4, WikiText-103's 267,735 words, its test set's bin counts): 8,296,021 scored parameters and
 * 17.427M operations per token at 32 bits without a cache.
 */
public final class MicronetLmProvider implements NetworkProvider, MicronetScorer {

  /** The MicroNet paper's arXiv id. */
  static final String PAPER = "2005.07877";
  /** The MicroNet paper's title. */
  static final String PAPER_TITLE = "MicroNet for Efficient Language Modeling";

  static final String ID = "micronet-lm";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "MicroNet language model (arXiv:2005.07877): Transformer"
        + " decoder with adaptive embedding and softmax, cache, MicroNet score", "[0.1,1.0)")
        .withPaper(PAPER, PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("layers", 8, "decoder layers").range(1, 1024),
        ParameterSpec.integer("d_model", 256, "model width").range(1, 65536),
        ParameterSpec.integer("heads", 8, "attention heads").range(1, 1024),
        ParameterSpec.integer("d_head", 24, "width of each head's keys, queries and values")
            .range(1, 65536),
        ParameterSpec.integer("d_ff", 768, "width of the feed-forward layer").range(1, 1 << 20),
        ParameterSpec.integer("n_seq", 96, "segment length; each query sees n_seq + 1 keys")
            .range(1, 1 << 20),
        ParameterSpec.integer("n_cache", 0, "cache entries (0: no cache)").range(0, 1 << 24),
        ParameterSpec.of("cutoffs", Type.INTEGER_LIST, "3500,25000",
            "first word id of each tail bin, ascending").range(1, Integer.MAX_VALUE),
        ParameterSpec.of("embed_dims", Type.INTEGER_LIST, "256,64,4",
            "embedding width of each bin, the head first").range(1, 65536),
        ParameterSpec.integer("vocab", 267_735, "words in the vocabulary").range(2, 1 << 30),
        ParameterSpec.integer("bits", 32, "bits of weights, activations and multiplications")
            .range(1, 32),
        ParameterSpec.of("sparsity", Type.REAL_LIST, "0", "one sparsity for every prunable"
            + " weight matrix, or one per scored tensor (the JSON's 'tensors' order)")
            .range(0, 0.999999),
        ParameterSpec.of("bin_counts", Type.INTEGER_LIST, "198232,35479,11858", "test tokens in"
            + " each bin, weighting the input projections (WikiText-103's by default)")
            .range(0, Long.MAX_VALUE));
  }

  @Override
  public Network create(PluginContext context) {
    return model(context.settings()).network();
  }

  @Override
  public MicronetScore micronetScore(PluginContext context) {
    return model(context.settings()).score();
  }

  /** The model that {@code settings} describe. */
  static MicronetLm model(Settings settings) {
    return new MicronetLm(settings.getInt("layers"), settings.getInt("d_model"),
        settings.getInt("heads"), settings.getInt("d_head"), settings.getInt("d_ff"),
        settings.getInt("n_seq"), settings.getInt("n_cache"), ints(settings, "cutoffs"),
        ints(settings, "embed_dims"), settings.getInt("vocab"), settings.getInt("bits"),
        settings.getDoubleList("sparsity"), settings.getLongList("bin_counts"));
  }

  private static List<Integer> ints(Settings settings, String key) {
    return settings.getLongList(key).stream().map(Math::toIntExact).toList();
  }
}
