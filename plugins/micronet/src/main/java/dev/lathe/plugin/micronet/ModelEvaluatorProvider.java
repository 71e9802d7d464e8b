package dev.lathe.plugin.micronet;

import dev.lathe.api.Workload;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.nd4j.train.Dataset;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates {@code micronet-model}: test accuracy and loss of the trial's model (from a
 * {@code micronet-cnn} space, usually after an experiment's compressor chain) on 14×14
 * Fashion-MNIST test images, with its size, operations and score under the {@code micronet}
 * cost convention (relative to the challenge's language-model baseline).
 */
public final class ModelEvaluatorProvider implements EvaluatorProvider {

  static final String ID = "micronet-model";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Test accuracy, loss and MicroNet size, ops and score of"
        + " the trial's (compressed) model (arXiv:2005.07877)", "[0.1,1.0)")
        .withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("test-images", 1000,
        "test images measured (the first of the t10k split)").range(1, 10_000));
  }

  @Override
  public Evaluator create(PluginContext context) {
    return new ModelEvaluator(context.settings().getInt("test-images"));
  }

  /** The evaluator; the test images are read once, on first use. */
  static final class ModelEvaluator implements Evaluator {

    private final int testImages;
    private Dataset test;

    ModelEvaluator(int testImages) {
      this.testImages = testImages;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public Set<String> produces() {
      return Set.of("accuracy", "loss", "nonzero_params", "micronet_size", "micronet_ops",
          "micronet_score");
    }

    @Override
    public Metrics evaluate(Candidate candidate, EvaluationContext context) throws IOException {
      Optional<Workload> workload = context.workload();
      if (workload.isEmpty() || !(workload.get() instanceof NetworkModel model)) {
        throw new IllegalArgumentException("evaluator '" + ID + "' measures a model of this"
            + " plugin (space 'micronet-cnn'), but the trial's workload is "
            + workload.map(w -> "of kind '" + w.kind() + "'").orElse("missing"));
      }
      Map<String, Double> measured = model.evaluate(test());
      CostReport cost = CostConventions.micronet().count(model.network());
      long nonzero = model.parameterNames().stream().mapToLong(model::nonzero).sum();
      double score = cost.params() / MicronetScore.BASELINE_SIZE
          + cost.macs() / MicronetScore.BASELINE_OPS;
      return Metrics.builder()
          .add("accuracy", measured.get("accuracy"), "", Origin.MEASURED)
          .add("loss", measured.get("loss"), "", Origin.MEASURED)
          .add("nonzero_params", nonzero, "", Origin.MEASURED)
          .add("micronet_size", cost.params(), "", Origin.ANALYTIC)
          .add("micronet_ops", cost.macs(), "ops/image", Origin.ANALYTIC)
          .add("micronet_score", score, "", Origin.ANALYTIC)
          .build();
    }

    private synchronized Dataset test() throws IOException {
      if (test == null) {
        test = SmallFashionMnist.read("t10k", 0, testImages);
      }
      return test;
    }
  }
}
