package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.testkit.tck.EvaluatorContract;
import dev.lathe.testkit.tck.TestEvaluationContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code perplexity} on ten State of the Union addresses of the 1790s, a tiny model. */
class PerplexityEvaluatorContractTest extends EvaluatorContract {

  static Path sotu1790s() {
    try {
      return Path.of(PerplexityEvaluatorContractTest.class.getResource("sotu-1790s").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected EvaluatorProvider provider() {
    return new PerplexityEvaluatorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.ofEntries(Map.entry("corpus_dir", sotu1790s().toString()),
        Map.entry("vocab", "300"), Map.entry("layers", "1"), Map.entry("d_model", "16"),
        Map.entry("heads", "2"), Map.entry("d_head", "8"), Map.entry("d_ff", "32"),
        Map.entry("n_seq", "8"), Map.entry("steps", "3"), Map.entry("rows", "2"),
        Map.entry("eval_tokens", "200"));
  }

  @Override
  protected List<Candidate> candidates() {
    return List.of(Candidate.of(Map.of("steps", 2)), Candidate.of(Map.of("n_cache", 12)));
  }

  @Override
  protected int threads() {
    return 2;
  }

  @Test
  void perplexityIsMeasuredAndBelowTheVocabularyAfterTraining() throws Exception {
    PerplexityEvaluator evaluator = (PerplexityEvaluator) newEvaluator();
    LmCorpus corpus = evaluator.corpus();
    assertEquals(300, corpus.vocabularySize());
    Metrics m = evaluator.evaluate(Candidate.of(Map.of("steps", 30, "n_cache", 12)),
        TestEvaluationContext.of("t", 1));
    double perplexity = m.get("perplexity").orElseThrow().value();
    assertEquals(Origin.MEASURED, m.get("perplexity").orElseThrow().origin());
    assertTrue(perplexity > 1 && perplexity < 300, "perplexity " + perplexity);
    double lambda = m.get("cache_lambda").orElseThrow().value();
    assertTrue(lambda >= 0 && lambda <= 0.4, "λ " + lambda + " from the search's grid");
    MicronetLm shape = evaluator.shape(Candidate.of(Map.of("n_cache", 12)), corpus);
    assertEquals(shape.score().score(), m.get("micronet_score").orElseThrow().value(), 1e-15);
    assertEquals(List.of(16, 4, 1), shape.embedDims());
  }
}
