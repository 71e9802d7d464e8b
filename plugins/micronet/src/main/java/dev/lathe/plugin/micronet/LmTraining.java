package dev.lathe.plugin.micronet;

import java.util.function.IntPredicate;

/**
 * Trains and evaluates a {@link LanguageModel} on an {@link LmCorpus}: Adam with a linear warm-up
 * over the first 5 % of the updates and a cosine decay to zero, each update one segment of every
 * row of the training stream (the rows contiguous, the segment memory and the cache carried, the
 * stream restarting when a row is used up), optionally the Hebbian softmax after each update;
 * evaluation is perplexity over every next token of a split read as parallel rows, the cache's
 * {@code (λ, θ)} tuned by the coordinate search on the validation split.
 */
final class LmTraining {

  /** The share of the updates over which the learning rate rises linearly. */
  static final double WARM_UP = 0.05;

  /**
   * How to train.
   *
   * @param steps updates
   * @param rows parallel rows of the training stream, the batch
   * @param rate the peak learning rate
   * @param hebbian whether the Hebbian softmax follows each update
   * @param seed the initial parameters' seed
   */
  record Options(int steps, int rows, double rate, boolean hebbian, long seed) {}

  private LmTraining() {}

  /** The learning rate of update {@code step} (from 0) of {@code steps} at peak {@code rate}. */
  static double rate(double peak, int step, int steps) {
    int warmUp = Math.max(1, (int) Math.ceil(WARM_UP * steps));
    if (step < warmUp) {
      return peak * (step + 1) / warmUp;
    }
    return peak * 0.5 * (1 + Math.cos(Math.PI * (step - warmUp) / Math.max(1, steps - warmUp)));
  }

  /** What is done after an update. */
  interface Hook {

    /** After update {@code step} (counting from 1) of {@code model}. */
    void after(int step, LanguageModel model);
  }

  /** A model of {@code shape} trained on {@code corpus}'s training split with {@code options}. */
  static LanguageModel train(LmCorpus corpus, MicronetLm shape, Options options) {
    return train(corpus, shape, options, options.steps(), (step, model) -> { });
  }

  /**
   * A model of {@code shape} after the first {@code updates} updates of training with
   * {@code options} (whose learning-rate schedule spans {@code options.steps()}), {@code hook}
   * called after each.
   */
  static LanguageModel train(LmCorpus corpus, MicronetLm shape, Options options, int updates,
      Hook hook) {
    LanguageModel model = new LanguageModel(shape, options.seed());
    HebbianSoftmax hebbian = options.hebbian() ? new HebbianSoftmax(shape) : null;
    LanguageModel.Batches batches = new LanguageModel.Batches(corpus.train(),
        options.rows(), shape.nSeq());
    for (int step = 0; step < Math.min(updates, options.steps()); step++) {
      int segment = step % batches.segments();
      if (segment == 0) {
        model.resetState();
      }
      int[][] targets = batches.targets(segment);
      LanguageModel.StepResult result = model.step(batches.inputs(segment), targets,
          rate(options.rate(), step, options.steps()));
      if (hebbian != null) {
        hebbian.update(model, result, targets);
      }
      hook.after(step + 1, model);
    }
    return model;
  }

  /**
   * Test perplexity of a trained model.
   *
   * @param model the model alone
   * @param cache with the cache at the searched {@code (λ, θ)}; equal to {@code model} without one
   * @param trainedCache with the cache at the trained {@code (λ, θ)} (the initial ones for a
   *     cache added after training)
   * @param lambda the searched λ
   * @param theta the searched θ
   * @param tokens the test tokens scored
   */
  record Evaluation(double model, double cache, double trainedCache, double lambda,
      double theta, int tokens) {}

  /**
   * {@link Evaluation} on the test split, the search on the validation split, in {@code rows}
   * rows, with the model's own cache if it has one.
   */
  static Evaluation evaluate(LanguageModel model, LmCorpus corpus, int rows) {
    return evaluate(model, corpus, rows, model.shape().nCache());
  }

  /**
   * {@link Evaluation} with a cache of {@code cacheSize} entries (none if 0): the model's own,
   * trained, when it has one, else a cache added after training (Grave et al.'s use), the search
   * starting from the paper's initial {@code (λ, θ)}.
   */
  static Evaluation evaluate(LanguageModel model, LmCorpus corpus, int rows, int cacheSize) {
    LanguageModel.Scored test = model.score(corpus.test(), rows);
    double alone = test.perplexity(false);
    if (cacheSize == 0) {
      return new Evaluation(alone, alone, alone, 0, 0, test.tokens());
    }
    boolean own = model.shape().nCache() > 0;
    double lambda = own ? model.lambda() : LanguageModel.INITIAL_LAMBDA;
    double theta = own ? model.theta() : LanguageModel.INITIAL_THETA;
    LanguageModel.Scored valid = model.score(corpus.valid(), rows);
    NeuralCache.Search search = new NeuralCache(valid, cacheSize).coordinateSearch(lambda,
        theta);
    NeuralCache testCache = new NeuralCache(test, cacheSize);
    return new Evaluation(alone, testCache.perplexity(search.lambda(), search.theta()),
        testCache.perplexity(lambda, theta), search.lambda(), search.theta(), test.tokens());
  }

  /** The mean negative log-probability (the model alone) of the targets that {@code which} accepts. */
  static double meanLoss(LanguageModel.Scored scored, IntPredicate which) {
    double sum = 0;
    int n = 0;
    for (int t = 0; t < scored.tokens(); t++) {
      if (which.test(scored.targets()[t])) {
        sum -= scored.modelLogProb()[t];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
