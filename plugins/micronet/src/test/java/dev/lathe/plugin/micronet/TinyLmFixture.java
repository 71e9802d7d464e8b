package dev.lathe.plugin.micronet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tiny MicroNet language model trained for a few updates on the ten State of the Union
 * addresses of the 1790s (300 words, 1 layer, d 16, segments of 8), validated on 80 tokens in
 * 4 rows: a model that {@code prune}, {@code quantize} and {@code distill} compress in about a
 * second; and a better teacher for it (2 layers, d 32, trained for more updates).
 */
final class TinyLmFixture {

  private static final int ROWS = 4;
  private static final long SEED = 5;
  /** The teacher's training updates. */
  static final int TEACHER_STEPS = 80;
  private static LmModel model;
  private static LmModel teacher;

  private TinyLmFixture() {}

  /** A new model with the trained values; equal on every call. */
  static synchronized LmModel model() {
    if (model == null) {
      model = train(new LmClaims.Budget(300, 1, 16, 2, 8, 32, 8, ROWS, 0, 20, 10, 80, 5e-3, 6,
          4));
    }
    return model.with(valuesOf(model), model.tensorBits(), model.activationBits());
  }

  /**
   * A teacher for {@link #model()}: the same corpus, vocabulary and segments, 2 layers of
   * d 32 trained for {@link #TEACHER_STEPS} updates; equal on every call.
   */
  static synchronized LmModel teacher() {
    if (teacher == null) {
      teacher = train(new LmClaims.Budget(300, 2, 32, 2, 16, 64, 8, ROWS, 0, TEACHER_STEPS, 10,
          80, 5e-3, 6, 4));
    }
    return teacher;
  }

  /** A tiny model of {@code budget} on the 1790s addresses, trained for its steps. */
  static LmModel train(LmClaims.Budget budget) {
    LmCorpus corpus;
    try {
      corpus = LmCorpus.read("sotu", PerplexityEvaluatorContractTest.sotu1790s(), 300, 3)
          .limited(80);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MicronetLm shape = LmClaims.shape(budget, corpus, 0);
    LanguageModel trained = LmTraining.train(corpus, shape, new LmTraining.Options(
        budget.steps(), ROWS, budget.rate(), false, SEED));
    return LmModel.of(trained, corpus, ROWS, SEED);
  }

  private static Map<String, INDArray> valuesOf(LmModel m) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    m.parameterNames().forEach(name -> values.put(name, m.parameter(name)));
    return values;
  }
}
