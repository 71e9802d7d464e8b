package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * The language-model claims of the reproduction {@code micronet}, measured on word-level State of
 * the Union text ({@code lathe data fetch sotu}): the MicroNet LM (segment recurrence, tied
 * adaptive softmax) trained three times from the same seed with the same budget — alone, with
 * the differentiable cache, and with the Hebbian softmax for the first part of the schedule —
 * and the run alone then pruned, quantised to 9 bits and given a cache ({@link LmCompression}),
 * each stage with its perplexity and MicroNet score.
 */
final class LmClaims {

  static final Claim CACHE = new Claim("cache",
      "The differentiable cache over the last hidden states, trained with the model and tuned"
          + " by the coordinate search over (λ, θ), lowers test perplexity at an equal training"
          + " budget (the paper: WikiText-103 test perplexity 35.0 with the cache at a MicroNet"
          + " cost of about 1M of 8.8M operations); here a small model on State of the Union"
          + " addresses, with the stage table of the trained language model",
      "the cached model's perplexity below the model's alone",
      "arXiv:2005.07877, section 2.3; Grave et al. arXiv:1612.04426");

  static final Claim HEBBIAN = new Claim("hebbian-softmax",
      "Hebbian softmax updates of the tied output embeddings (λ = max(1/c, 0.01) while a word"
          + " has been seen fewer than 500 times) lower the loss on rare words early in training;"
          + " here the validation loss on words of the adaptive softmax's tail bins after the"
          + " first updates of the same schedule",
      "rare-word loss lower with the Hebbian softmax early in training",
      "arXiv:2005.07877, section 2.2; Rae et al. arXiv:1802.10542");

  static final Claim COMPRESSION = new Claim("lm-compression",
      "Pruning and 8/9-bit quantisation-aware training lower the language model's MicroNet"
          + " score several-fold at a small perplexity cost (the paper: 0.11 → 0.0387 with the"
          + " cache, 2.8×); here the small State of the Union model pruned by the prune"
          + " compressor to 50 % of its weight matrices (per-matrix targets from a sensitivity"
          + " analysis) and quantised by the quantize compressor to 9 bits (weights, biases and"
          + " the activations entering the matrix products), with a cache added after training:"
          + " the score at least 2× lower and test perplexity at most 10 % higher than the dense"
          + " model's",
      "score 2.8× lower at a small perplexity cost",
      "arXiv:2005.07877, section 3 and figure 1");

  /** The share of all weight matrices' weights that pruning zeroes. */
  static final double SPARSITY = 0.5;
  /** The bits of the quantised weights, biases and activations. */
  static final int BITS = 9;

  /**
   * The sizes and budgets of one mode.
   *
   * @param vocabulary the most words (with {@code <unk>} and {@code <eos>})
   * @param cache the cache's entries
   * @param steps updates of each full training run
   * @param earlySteps the updates after which the Hebbian runs are compared
   * @param evalTokens validation and test tokens scored
   */
  record Budget(int vocabulary, int layers, int dModel, int heads, int dHead, int dFf, int nSeq,
      int rows, int cache, int steps, int earlySteps, int evalTokens, double rate,
      int pruneSteps, int quantizeSteps) {}

  static final Budget QUICK = new Budget(2_000, 1, 32, 2, 16, 96, 16, 8, 64, 40, 20, 4_000,
      5e-3, 10, 6);
  static final Budget FULL = new Budget(5_000, 2, 64, 4, 16, 192, 32, 16, 256, 300, 100, 50_000,
      3e-3, 100, 60);
  /** The fewest training occurrences of a vocabulary word. */
  static final int MIN_COUNT = 3;

  private final long seed;
  private final Logger log;
  private final Path corpusFolder;
  private Runs runs;

  /**
   * @param corpusFolder the State of the Union folder, or null for the data directory's
   *     {@code sotu}
   */
  LmClaims(long seed, Logger log, Path corpusFolder) {
    this.seed = seed;
    this.log = log;
    this.corpusFolder = corpusFolder;
  }

  /** The result of {@code claim}, one of {@link #CACHE}, {@link #HEBBIAN}, {@link #COMPRESSION}. */
  ClaimResult check(Claim claim, Mode mode) throws IOException {
    Runs r = runs(mode);
    if (claim.equals(COMPRESSION)) {
      return r.compressionResult();
    }
    return claim.equals(CACHE) ? r.cacheResult() : r.hebbianResult();
  }

  /** A row of the language model's stage table. */
  record Stage(String name, MicronetScore score, double perplexity) {

    String row() {
      return format("%s: %,d params (%,d non-zero), size %,.1f, %,.0f ops/token, perplexity"
          + " %.1f, score %.5f", name, score.parameters(), score.nonzeroParameters(),
          score.size(), score.ops(), perplexity, score.score());
    }
  }

  /** What the runs of one mode measured. */
  record Runs(Mode mode, Budget budget, LmCorpus corpus, MicronetLm shape, long trainedParameters,
      LmTraining.Evaluation alone, LmTraining.Evaluation postHoc, LmTraining.Evaluation cached,
      double trainedLambda, double trainedTheta, double[] earlyAlone, double[] earlyHebbian,
      List<Stage> stages, double seconds) {

    ClaimResult compressionResult() {
      Stage dense = stages.get(0);
      Stage last = stages.get(stages.size() - 1);
      double factor = dense.score().score() / last.score().score();
      double cost = 100 * (last.perplexity() / dense.perplexity() - 1);
      Verdict verdict = factor >= 2 && cost <= 10 ? Verdict.REPRODUCED
          : factor >= 2 ? Verdict.PARTIAL : Verdict.NOT_REPRODUCED;
      return new ClaimResult(COMPRESSION, format("score %.1f× lower, perplexity %+.1f %%",
          factor, cost), verdict, Origin.MEASURED, setting() + format("; pruning %d updates at"
          + " rate %.0e, QAT %d updates at %.0e; ", budget.pruneSteps(), budget.rate() / 3,
          budget.quantizeSteps(), budget.rate() / 10) + stageTable());
    }

    String stageTable() {
      return String.join("; ", stages.stream().map(Stage::row).toList());
    }

    ClaimResult cacheResult() {
      double gain = 100 * (1 - cached.cache() / alone.model());
      Verdict verdict = cached.cache() < alone.model() ? Verdict.REPRODUCED
          : Verdict.NOT_REPRODUCED;
      return new ClaimResult(CACHE, format("test perplexity %.1f alone, %.1f with the trained"
          + " and searched cache (%+.1f %%)", alone.model(), cached.cache(), -gain), verdict,
          Origin.MEASURED, setting() + format("; the cached run: model alone %.1f, with its"
          + " trained cache (λ %.3f, θ %.4f) %.1f, searched (λ %.3f, θ %.4f) %.1f; the cache"
          + " added after training to the run alone (searched λ %.3f, θ %.4f): %.1f; stages: ",
          cached.model(), trainedLambda, trainedTheta, cached.trainedCache(), cached.lambda(),
          cached.theta(), cached.cache(), postHoc.lambda(), postHoc.theta(), postHoc.cache())
          + stageTable());
    }

    ClaimResult hebbianResult() {
      double gain = earlyAlone[0] - earlyHebbian[0];
      return new ClaimResult(HEBBIAN, format("rare-word validation loss after %d updates %.3f"
          + " alone, %.3f with the Hebbian softmax (%+.3f nats)", budget.earlySteps(),
          earlyAlone[0], earlyHebbian[0], -gain), gain > 0 ? Verdict.REPRODUCED
          : Verdict.NOT_REPRODUCED, Origin.MEASURED, setting() + format("; all words %.3f"
          + " alone, %.3f Hebbian; rare words: ids ≥ %d (the tail bins), %.1f %% of the"
          + " validation tokens", earlyAlone[1], earlyHebbian[1], corpus.cutoffs().get(0),
          100 * earlyAlone[2]));
    }

    String setting() {
      return format("%s mode, %s: %,d / %,d / %,d training / validation / test tokens"
          + " (validation and test cut to %,d), vocabulary %,d, cutoffs %s, embedding widths %s;"
          + " %d layers, d %d, %d heads of %d, FFN %d, segments of %d with %d remembered,"
          + " %,d trained parameters; %d updates of %d rows (Adam, peak rate %.0e, warm-up and"
          + " cosine), the Hebbian comparison after %d of them; %.0f s", mode.name()
          .toLowerCase(Locale.ROOT), corpus.name(), corpus.train().length,
          corpus.valid().length, corpus.test().length, budget.evalTokens(),
          corpus.vocabularySize(), corpus.cutoffs(), shape.embedDims(), shape.layers(),
          shape.dModel(), shape.heads(), shape.dHead(), shape.dFf(), shape.nSeq(),
          shape.nSeq(), trainedParameters, budget.steps(), budget.rows(), budget.rate(),
          budget.earlySteps(), seconds);
    }
  }

  private synchronized Runs runs(Mode mode) throws IOException {
    if (runs != null && runs.mode() == mode) {
      return runs;
    }
    long start = System.nanoTime();
    Budget b = mode == Mode.FULL ? FULL : QUICK;
    LmCorpus full = corpusFolder == null ? LmCorpus.fetched("sotu", b.vocabulary(), MIN_COUNT)
        : LmCorpus.read("sotu", corpusFolder, b.vocabulary(), MIN_COUNT);
    LmCorpus corpus = full.limited(b.evalTokens());
    if (corpus.cutoffs().isEmpty()) {
      throw new IllegalArgumentException("reproduction 'micronet': the corpus's vocabulary of "
          + corpus.vocabularySize() + " words is too small for the adaptive softmax's tail bins");
    }
    MicronetLm shape = shape(b, corpus, 0);
    LmTraining.Options options = new LmTraining.Options(b.steps(), b.rows(), b.rate(), false,
        seed);
    int[] early = Arrays.copyOf(corpus.valid(), Math.min(corpus.valid().length,
        b.evalTokens()));
    double[][] earlyAlone = new double[1][];
    LanguageModel alone = LmTraining.train(corpus, shape, options, b.steps(), (step, model) -> {
      if (step == b.earlySteps()) {
        earlyAlone[0] = earlyLosses(model, early, corpus, b.rows());
      }
    });
    log.info("micronet lm: trained alone, {} s", (System.nanoTime() - start) / 1_000_000_000L);
    LmTraining.Evaluation aloneEvaluation = LmTraining.evaluate(alone, corpus, b.rows(), 0);
    LmTraining.Evaluation postHoc = LmTraining.evaluate(alone, corpus, b.rows(), b.cache());
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage("adaptive LM", shape.score(), aloneEvaluation.model()));
    MicronetLm cachedShape = shape(b, corpus, b.cache());
    Compression pruned = new PruneCompressor(SPARSITY, b.pruneSteps(), LmCompression.FREQUENCY,
        b.rate() / 3, seed, log).compress(LmModel.of(alone, corpus, b.rows(), seed));
    LanguageModel prunedModel = ((LmModel) pruned.model()).instantiate();
    stages.add(new Stage(format("+ pruning (%.0f %% of the weight matrices, per-matrix targets)",
        100 * pruned.report().get("sparsity").orElseThrow().value()),
        LmCompression.scored(prunedModel, 32).score(),
        LmTraining.evaluate(prunedModel, corpus, b.rows(), 0).model()));
    Compression quantized = new QuantizeCompressor(BITS, true, b.quantizeSteps(), b.rate() / 10,
        seed, log).compress(pruned.model());
    LanguageModel quantizedModel = ((LmModel) quantized.model()).instantiate();
    LmTraining.Evaluation quantizedEvaluation = LmTraining.evaluate(quantizedModel, corpus,
        b.rows(), b.cache());
    MicronetLm final32 = LmCompression.scored(quantizedModel, BITS);
    stages.add(new Stage(format("+ %d-bit QAT (weights, biases, activations)", BITS),
        final32.score(), quantizedEvaluation.model()));
    stages.add(new Stage(format("+ cache %d (added after training, searched)", b.cache()),
        withCache(final32, b.cache()).score(), quantizedEvaluation.cache()));
    log.info("micronet lm: compressed, {} s", (System.nanoTime() - start) / 1_000_000_000L);
    LanguageModel hebbian = LmTraining.train(corpus, shape, new LmTraining.Options(b.steps(),
        b.rows(), b.rate(), true, seed), b.earlySteps(), (step, model) -> { });
    double[] earlyHebbian = earlyLosses(hebbian, early, corpus, b.rows());
    log.info("micronet lm: Hebbian run, {} s", (System.nanoTime() - start) / 1_000_000_000L);
    LanguageModel cached = LmTraining.train(corpus, shape(b, corpus, b.cache()), options);
    LmTraining.Evaluation cachedEvaluation = LmTraining.evaluate(cached, corpus, b.rows());
    stages.add(1, new Stage(format("+ cache %d (trained with the model)", b.cache()),
        cachedShape.score(), cachedEvaluation.cache()));
    runs = new Runs(mode, b, corpus, shape, alone.parameterCount(), aloneEvaluation, postHoc,
        cachedEvaluation, cached.lambda(), cached.theta(), earlyAlone[0], earlyHebbian,
        List.copyOf(stages), (System.nanoTime() - start) / 1e9);
    log.info("micronet lm: {}", runs.stageTable());
    return runs;
  }

  /** Rare-word loss, all-word loss and the rare words' share on {@code ids}. */
  private static double[] earlyLosses(LanguageModel model, int[] ids, LmCorpus corpus,
      int rows) {
    LanguageModel.Scored scored = model.score(ids, rows);
    int tail = corpus.cutoffs().get(0);
    double rare = LmTraining.meanLoss(scored, id -> id >= tail);
    double all = LmTraining.meanLoss(scored, id -> true);
    long count = Arrays.stream(scored.targets()).filter(id -> id >= tail).count();
    return new double[] {rare, all, (double) count / scored.tokens()};
  }

  /** {@code model} with {@code cache} entries. */
  static MicronetLm withCache(MicronetLm model, int cache) {
    return new MicronetLm(model.layers(), model.dModel(), model.heads(), model.dHead(),
        model.dFf(), model.nSeq(), cache, model.cutoffs(), model.embedDims(), model.vocabulary(),
        model.bits(), model.sparsity(), model.binCounts());
  }

  /** The LM of budget {@code b} for {@code corpus}, with {@code cache} entries. */
  static MicronetLm shape(Budget b, LmCorpus corpus, int cache) {
    List<Integer> dims = new ArrayList<>();
    for (int bin = 0; bin <= corpus.cutoffs().size(); bin++) {
      dims.add(Math.max(1, b.dModel() >> (2 * bin)));
    }
    return new MicronetLm(b.layers(), b.dModel(), b.heads(), b.dHead(), b.dFf(), b.nSeq(), cache,
        corpus.cutoffs(), dims, corpus.vocabularySize(), 32, List.of(0.0),
        corpus.binCounts(corpus.test()));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
