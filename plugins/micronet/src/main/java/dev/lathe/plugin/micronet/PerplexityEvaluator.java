package dev.lathe.plugin.micronet;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code perplexity}: the test perplexity of a MicroNet language model of the candidate's shape
 * trained on the evaluator's corpus ({@link LmTraining}), with the cache when {@code n_cache > 0}
 * ({@code (λ, θ)} tuned on the validation split), and the trained configuration's MicroNet score
 * at 32 bits. The candidate's values named {@code layers}, {@code d_model}, {@code heads},
 * {@code d_head}, {@code d_ff}, {@code n_seq}, {@code n_cache}, {@code steps} (integers) and
 * {@code rate} replace the settings. The embedding widths are {@code d_model / 4^bin}, the bins'
 * cutoffs those of {@link LmCorpus}. Deterministic for a seed: the trial's seed initialises the
 * parameters. Evaluations may run on several threads at once; the corpus is read once.
 */
final class PerplexityEvaluator implements Evaluator {

  static final List<String> INTEGER_KEYS = List.of("layers", "d_model", "heads", "d_head",
      "d_ff", "n_seq", "n_cache", "steps");

  private final Settings settings;
  private LmCorpus corpus;

  PerplexityEvaluator(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return PerplexityEvaluatorProvider.ID;
  }

  @Override
  public Set<String> produces() {
    return Set.of("perplexity", "model_perplexity", "cache_lambda", "cache_theta",
        "micronet_params", "micronet_ops", "micronet_score");
  }

  /** The corpus, read on first use. */
  synchronized LmCorpus corpus() throws IOException {
    if (corpus == null) {
      String name = settings.getString("corpus");
      String folder = settings.getString("corpus_dir");
      int vocab = settings.getInt("vocab");
      int minCount = settings.getInt("min_count");
      LmCorpus full = folder.isBlank() ? LmCorpus.fetched(name, vocab, minCount)
          : LmCorpus.read(name, Path.of(folder), vocab, minCount);
      corpus = full;
    }
    return corpus;
  }

  /** The model shape that {@code candidate} describes for {@code corpus}. */
  MicronetLm shape(Candidate candidate, LmCorpus corpus) {
    int[] v = values(candidate);
    int d = v[1];
    List<Integer> dims = new ArrayList<>();
    for (int bin = 0; bin <= corpus.cutoffs().size(); bin++) {
      dims.add(Math.max(1, d >> (2 * bin)));
    }
    List<Long> counts = corpus.binCounts(corpus.test());
    return new MicronetLm(v[0], d, v[2], v[3], v[4], v[5], v[6], corpus.cutoffs(), dims,
        corpus.vocabularySize(), 32, List.of(0.0), counts);
  }

  private int[] values(Candidate candidate) {
    int[] v = new int[INTEGER_KEYS.size()];
    for (int i = 0; i < v.length; i++) {
      String key = INTEGER_KEYS.get(i);
      v[i] = candidate.values().containsKey(key) ? candidate.getInt(key) : settings.getInt(key);
    }
    return v;
  }

  @Override
  public Metrics evaluate(Candidate candidate, EvaluationContext context) {
    LmCorpus data;
    try {
      data = corpus();
    } catch (IOException e) {
      throw new UncheckedIOException("evaluator 'perplexity': " + e.getMessage(), e);
    }
    int[] v = values(candidate);
    MicronetLm shape = shape(candidate, data);
    double rate = candidate.values().containsKey("rate") ? candidate.getDouble("rate")
        : settings.getDouble("rate");
    int rows = settings.getInt("rows");
    LanguageModel model = LmTraining.train(data, shape, new LmTraining.Options(v[7], rows, rate,
        settings.getBoolean("hebbian"), context.seed()));
    LmTraining.Evaluation e = LmTraining.evaluate(model,
        data.limited(settings.getInt("eval_tokens")), rows);
    MicronetScore score = shape.score();
    return Metrics.builder()
        .add("perplexity", e.cache(), "", Origin.MEASURED)
        .add("model_perplexity", e.model(), "", Origin.MEASURED)
        .add("cache_lambda", e.lambda(), "", Origin.MEASURED)
        .add("cache_theta", e.theta(), "", Origin.MEASURED)
        .add("micronet_params", score.parameters(), "", Origin.ANALYTIC)
        .add("micronet_ops", score.ops(), "ops/token", Origin.ANALYTIC)
        .add("micronet_score", score.score(), "", Origin.ANALYTIC)
        .build();
  }
}
