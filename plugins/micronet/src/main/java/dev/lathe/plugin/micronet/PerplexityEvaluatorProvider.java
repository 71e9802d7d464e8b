package dev.lathe.plugin.micronet;

import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/**
 * Creates {@code perplexity}: trains a small MicroNet language model on a word-level corpus of
 * the data directory ({@code lathe data fetch sotu}) and measures its test perplexity. The
 * defaults train in a few minutes on one CPU thread.
 */
public final class PerplexityEvaluatorProvider implements EvaluatorProvider {

  static final String ID = "perplexity";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "test perplexity of a MicroNet language model trained on"
        + " State of the Union or Brown text (arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.string("corpus", "sotu", "word-level corpus").choices("sotu", "brown"),
        ParameterSpec.string("corpus_dir", "", "folder of the corpus's files; empty: the data"
            + " directory's data set of the corpus's name"),
        ParameterSpec.integer("vocab", 5_000, "most words in the vocabulary, <unk> and <eos>"
            + " included").range(2, 1 << 24),
        ParameterSpec.integer("min_count", 3, "fewest training occurrences of a word")
            .range(1, 1 << 30),
        ParameterSpec.integer("layers", 2, "decoder layers").range(1, 64),
        ParameterSpec.integer("d_model", 64, "model width").range(4, 4096),
        ParameterSpec.integer("heads", 4, "attention heads").range(1, 256),
        ParameterSpec.integer("d_head", 16, "width of each head").range(1, 4096),
        ParameterSpec.integer("d_ff", 192, "width of the feed-forward layer").range(1, 65536),
        ParameterSpec.integer("n_seq", 32, "segment length; each query sees n_seq + 1 keys")
            .range(2, 4096),
        ParameterSpec.integer("n_cache", 0, "cache entries, trained and then tuned by the"
            + " coordinate search (0: no cache)").range(0, 1 << 16),
        ParameterSpec.integer("steps", 300, "training updates").range(1, 1 << 30),
        ParameterSpec.integer("rows", 16, "parallel rows of the training stream (the batch)")
            .range(1, 4096),
        ParameterSpec.real("rate", 3e-3, "peak learning rate of Adam").range(1e-6, 1),
        ParameterSpec.bool("hebbian", false, "Hebbian softmax after each update"),
        ParameterSpec.integer("eval_tokens", 0, "test and validation tokens scored, from the"
            + " start of each split (0: all)").range(0, Integer.MAX_VALUE));
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new PerplexityEvaluator(context.settings());
  }
}
