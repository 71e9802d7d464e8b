package dev.lathe.plugin.ofa.predictor;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.ofa.Ofa;
import dev.lathe.plugin.ofa.supernet.OfaMiniSpace;
import java.util.Set;

/**
 * The evaluator {@code ofa}: the accuracy an {@link AccuracyPredictor} predicts for a candidate
 * of the space {@value Ofa#MINI_ID}, as the metric {@code accuracy} (a fraction, origin
 * {@link Origin#PREDICTED}); no subnet is trained or run.
 */
final class AccuracyEvaluator implements Evaluator {

  /** The metric this evaluator produces. */
  static final String ACCURACY = "accuracy";

  private final AccuracyPredictor predictor;

  AccuracyEvaluator(AccuracyPredictor predictor) {
    this.predictor = predictor;
  }

  @Override
  public String id() {
    return Ofa.ID;
  }

  @Override
  public Set<String> produces() {
    return Set.of(ACCURACY);
  }

  @Override
  public Metrics evaluate(Candidate candidate, EvaluationContext context) {
    double accuracy = predictor.predict(new double[][] {OfaMiniSpace.subnet(candidate)
        .oneHot()})[0];
    return Metrics.builder().add(ACCURACY, accuracy, "fraction", Origin.PREDICTED).build();
  }
}
