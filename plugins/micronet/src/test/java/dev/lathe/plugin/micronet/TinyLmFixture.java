package dev.lathe.plugin.micronet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tiny MicroNet language model trained for a few updates on the ten State of the Union
 * addresses of the 1790s (300 words, 1 layer, d 16, segments of 8), validated on 80 tokens in
 * 4 rows: a model that {@code prune} and {@code quantize} compress in about a second.
 */
final class TinyLmFixture {

  private static final int ROWS = 4;
  private static final long SEED = 5;
  private static LmModel model;

  private TinyLmFixture() {}

  /** A new model with the trained values; equal on every call. */
  static synchronized LmModel model() {
    if (model == null) {
      LmCorpus corpus;
      try {
        corpus = LmCorpus.read("sotu", PerplexityEvaluatorContractTest.sotu1790s(), 300, 3)
            .limited(80);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LmClaims.Budget budget = new LmClaims.Budget(300, 1, 16, 2, 8, 32, 8, ROWS, 0, 20, 10,
          80, 5e-3, 6, 4);
      MicronetLm shape = LmClaims.shape(budget, corpus, 0);
      LanguageModel trained = LmTraining.train(corpus, shape, new LmTraining.Options(
          budget.steps(), ROWS, budget.rate(), false, SEED));
      model = LmModel.of(trained, corpus, ROWS, SEED);
    }
    return model.with(valuesOf(model), model.tensorBits(), model.activationBits());
  }

  private static Map<String, INDArray> valuesOf(LmModel m) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    m.parameterNames().forEach(name -> values.put(name, m.parameter(name)));
    return values;
  }
}
