package dev.lathe.plugin.micronet;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.space.Candidate;
import java.util.List;
import java.util.Set;

/**
 * {@code micronet-score}: the MicroNet challenge score of a {@code micronet-lm} configuration,
 * for searches over the language model's shape. The candidate's values named {@code layers},
 * {@code d_model}, {@code heads}, {@code d_head}, {@code d_ff}, {@code n_seq}, {@code n_cache},
 * {@code bits} (integers) and {@code sparsity} (one number for every prunable weight matrix)
 * replace the evaluator's own settings; the rest of the model comes from its settings.
 */
final class MicronetScoreEvaluator implements Evaluator {

  /** The integer settings a candidate may set. */
  static final List<String> INTEGER_KEYS = List.of("layers", "d_model", "heads", "d_head",
      "d_ff", "n_seq", "n_cache", "bits");

  private final MicronetLm base;

  MicronetScoreEvaluator(MicronetLm base) {
    this.base = base;
  }

  @Override
  public String id() {
    return MicronetScoreEvaluatorProvider.ID;
  }

  @Override
  public Set<String> produces() {
    return Set.of("micronet_params", "micronet_nonzero_params", "micronet_size", "micronet_ops",
        "micronet_score");
  }

  /** The model that {@code candidate} describes. */
  MicronetLm model(Candidate candidate) {
    int[] v = {base.layers(), base.dModel(), base.heads(), base.dHead(), base.dFf(),
        base.nSeq(), base.nCache(), base.bits()};
    for (int i = 0; i < v.length; i++) {
      if (candidate.values().containsKey(INTEGER_KEYS.get(i))) {
        v[i] = candidate.getInt(INTEGER_KEYS.get(i));
      }
    }
    List<Double> sparsity = candidate.values().containsKey("sparsity")
        ? List.of(candidate.getDouble("sparsity")) : base.sparsity();
    return new MicronetLm(v[0], v[1], v[2], v[3], v[4], v[5], v[6], base.cutoffs(),
        base.embedDims(), base.vocabulary(), v[7], sparsity, base.binCounts());
  }

  @Override
  public Metrics evaluate(Candidate candidate, EvaluationContext context) {
    MicronetScore s = model(candidate).score();
    return Metrics.builder()
        .add("micronet_params", s.parameters(), "", Origin.ANALYTIC)
        .add("micronet_nonzero_params", s.nonzeroParameters(), "", Origin.ANALYTIC)
        .add("micronet_size", s.size(), "", Origin.ANALYTIC)
        .add("micronet_ops", s.ops(), "ops/token", Origin.ANALYTIC)
        .add("micronet_score", s.score(), "", Origin.ANALYTIC)
        .build();
  }
}
