package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Convolution;
import dev.lathe.api.model.Flatten;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Pooling;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.ClaimResult.Verdict;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.nd4j.train.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The reproduction {@code micronet}: the MicroNet LM's challenge score recomputed term by term
 * (analytic), and the winners' compression pipeline — distillation from a larger teacher, then
 * automated gradual pruning, then 8-bit quantisation-aware training — applied to a small CNN on
 * 14×14 Fashion-MNIST, measured stage by stage (parameters, operations, MicroNet score, test
 * accuracy), with the distilled student against the same student trained alone for the same
 * number of updates; and the language model itself (segment recurrence, tied adaptive softmax)
 * trained on State of the Union text, with and without the differentiable cache and the Hebbian
 * softmax ({@link LmClaims}).
 */
final class MicronetReproduction implements Reproduction {

  static final String ID = "micronet";

  static final Claim SCORE = new Claim("micronet-score",
      "The MicroNet LM, scored term by term as the winners' evaluation notebook does, has"
          + " 8,296,021 scored parameters and 17.427M operations per token (18.455M with a"
          + " 2000-entry cache); the published final model (9 bits, cache 3000, the pruning"
          + " schedule's sparsities) scores 0.0387469 with size 1,757,391.875 and 8,806,715.24"
          + " operations",
      "8,296,021; 17.427M; 18.455M; 0.0387469",
      "arXiv:2005.07877; mit-han-lab/neurips-micronet micronet_evaluate.ipynb");

  static final Claim PIPELINE = new Claim("compression-pipeline",
      "Pruning and 8-bit quantisation-aware training after distillation lower a network's"
          + " MicroNet score several-fold at a small accuracy cost (the paper: from the"
          + " dense 8.3M-parameter model's ≈ 0.11 to 0.0387, 2.8×, at a small perplexity cost);"
          + " here a small CNN on 14×14 Fashion-MNIST, the score at least 2.5× lower and test"
          + " accuracy at most 2 points lower than the distilled student's",
      "score 2.8× lower at a small perplexity cost",
      "arXiv:2005.07877, section 3 and figure 1");

  static final Claim DISTILLATION = new Claim("distillation",
      "A student distilled from a larger teacher's top-k soft labels, with the NLL weight"
          + " annealed from 0.5 to 0.95, beats the same student trained alone for the same"
          + " number of updates; here on 14×14 Fashion-MNIST test accuracy",
      "distilled student better than the student alone",
      "arXiv:2005.07877, section 2.4");

  /** Training sizes and budgets of one mode. */
  record Budget(int trainImages, int validationImages, int testImages, int teacherSteps,
      int studentSteps, int pruneSteps, int quantizeSteps) {}

  static final Budget QUICK = new Budget(2_000, 500, 1_000, 80, 60, 30, 20);
  static final Budget FULL = new Budget(20_000, 2_000, 10_000, 1_500, 1_000, 500, 300);
  static final int BATCH = 64;
  /** How much lower the final score must be than the distilled student's. */
  static final double MIN_SCORE_FACTOR = 2.5;
  static final double RATE = 2e-3;

  private final long seed;
  private final Logger log;

  private final LmClaims lm;

  /**
   * @param lmCorpus the State of the Union folder for the language-model claims, or null for the
   *     data directory's {@code sotu}
   */
  MicronetReproduction(long seed, Logger log, Path lmCorpus) {
    this.seed = seed;
    this.log = log;
    this.lm = new LmClaims(seed, log, lmCorpus);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Claim> claims() {
    return List.of(SCORE, PIPELINE, DISTILLATION, LmClaims.CACHE, LmClaims.HEBBIAN,
        LmClaims.COMPRESSION);
  }

  @Override
  public ClaimResult check(Claim claim, Mode mode) throws IOException {
    if (claim.equals(SCORE)) {
      return score();
    }
    if (claim.equals(PIPELINE) || claim.equals(DISTILLATION)) {
      Pipeline p = pipeline(mode == Mode.FULL ? FULL : QUICK, mode);
      return claim.equals(PIPELINE) ? p.pipelineResult() : p.distillationResult();
    }
    if (claim.equals(LmClaims.CACHE) || claim.equals(LmClaims.HEBBIAN)
        || claim.equals(LmClaims.COMPRESSION)) {
      return lm.check(claim, mode);
    }
    throw new IllegalArgumentException("reproduction '" + ID + "' has no claim '" + claim.id()
        + "'; its claims are " + SCORE.id() + ", " + PIPELINE.id() + ", " + DISTILLATION.id()
        + ", " + LmClaims.CACHE.id() + ", " + LmClaims.HEBBIAN.id() + ", "
        + LmClaims.COMPRESSION.id());
  }

  /** The published per-tensor sparsities of the final model, in the scored tensors' order. */
  static List<Double> publishedSparsities() throws IOException {
    try (InputStream in = MicronetReproduction.class.getResourceAsStream(
        "published-sparsity.txt")) {
      if (in == null) {
        throw new IOException("resource published-sparsity.txt is missing from the plugin");
      }
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim()
          .split(",")).map(Double::parseDouble).toList();
    }
  }

  /** The published 8-layer model with {@code cache} entries, {@code bits} and sparsities. */
  static MicronetLm published(int cache, int bits, List<Double> sparsity) {
    return new MicronetLm(8, 256, 8, 24, 768, 96, cache, List.of(3500, 25000),
        List.of(256, 64, 4), 267_735, bits, sparsity, List.of(198_232L, 35_479L, 11_858L));
  }

  private ClaimResult score() throws IOException {
    MicronetScore dense = published(0, 32, List.of(0.0)).score();
    MicronetScore cached = published(2000, 32, List.of(0.0)).score();
    MicronetScore last = published(3000, 9, publishedSparsities()).score();
    String measured = format("%,d params; %.3fM and %.3fM ops; final: size %,.3f, %,.2f ops,"
        + " score %.7f", dense.parameters(), dense.ops() / 1e6, cached.ops() / 1e6, last.size(),
        last.ops(), last.score());
    boolean exact = dense.parameters() == 8_296_021
        && format("%.3f", dense.ops() / 1e6).equals("17.427")
        && format("%.3f", cached.ops() / 1e6).equals("18.455")
        && last.size() == 1_757_391.875 && format("%.2f", last.ops()).equals("8806715.24")
        && format("%.7f", last.score()).equals("0.0387469");
    return new ClaimResult(SCORE, measured, exact ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED,
        Origin.ANALYTIC, format("%,d non-zero of %,d parameters in the final model;"
            + " multiplications %,.3f, additions %,.3f, other %,.0f", last.nonzeroParameters(),
            last.parameters(), last.multiplications(), last.additions(), last.others()));
  }

  /** A CNN for 1×14×14 images: two 3×3 convolutions, 2×2 max pooling, two linear layers. */
  static Network cnn(String name, int first, int second, int hidden) {
    int pooled = (SmallFashionMnist.SIZE - 4) / 2;
    return Network.builder(name).input("image", Shape.of(1, SmallFashionMnist.SIZE,
        SmallFashionMnist.SIZE))
        .add("conv1", Convolution.conv2d(1, first, 3))
        .add("relu1", Activation.RELU)
        .add("conv2", Convolution.conv2d(first, second, 3))
        .add("relu2", Activation.RELU)
        .add("pool", Pooling.max(2))
        .add("flatten", new Flatten())
        .add("fc1", Linear.of(second * pooled * pooled, hidden))
        .add("relu3", Activation.RELU)
        .add("fc2", Linear.of(hidden, SmallFashionMnist.CLASSES))
        .build();
  }

  /** One row of the stage table. */
  record Stage(String name, long params, long nonzero, double size, double ops, double accuracy) {

    double score() {
      return size / MicronetScore.BASELINE_SIZE + ops / MicronetScore.BASELINE_OPS;
    }
  }

  /** What the pipeline measured. */
  record Pipeline(Mode mode, List<Stage> stages, double aloneAccuracy, Budget budget) {

    Stage stage(String name) {
      return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    String table() {
      StringBuilder b = new StringBuilder();
      for (Stage s : stages) {
        b.append(format("%s: %,d params (%,d non-zero), size %,.1f, %,.0f ops, score %.3e,"
            + " accuracy %.2f %%; ", s.name(), s.params(), s.nonzero(), s.size(), s.ops(),
            s.score(), 100 * s.accuracy()));
      }
      return b.toString();
    }

    ClaimResult pipelineResult() {
      Stage student = stage("distilled student");
      Stage last = stage("+ 8-bit QAT");
      double factor = student.score() / last.score();
      double drop = 100 * (student.accuracy() - last.accuracy());
      Verdict verdict = factor >= MIN_SCORE_FACTOR && drop <= 2 ? Verdict.REPRODUCED
          : factor >= MIN_SCORE_FACTOR && drop <= 5 ? Verdict.PARTIAL : Verdict.NOT_REPRODUCED;
      return new ClaimResult(PIPELINE, format("score %.1f× lower, accuracy %+.2f points",
          factor, -drop), verdict, Origin.MEASURED, mode.name().toLowerCase(Locale.ROOT)
          + " mode, " + budgetText(budget) + "; " + table());
    }

    /**
     * Distilled against alone: a difference counts only beyond twice the standard error of one
     * accuracy on the test images, √(p(1−p)/n) at the mean of the two; inside it the verdict is
     * partial.
     */
    ClaimResult distillationResult() {
      Stage distilled = stage("distilled student");
      double gain = 100 * (distilled.accuracy() - aloneAccuracy);
      double mean = (distilled.accuracy() + aloneAccuracy) / 2;
      double margin = 200 * Math.sqrt(mean * (1 - mean) / budget.testImages());
      Verdict verdict = gain > margin ? Verdict.REPRODUCED
          : gain < -margin ? Verdict.NOT_REPRODUCED : Verdict.PARTIAL;
      return new ClaimResult(DISTILLATION, format("distilled %.2f %% vs alone %.2f %% (%+.2f"
          + " points)", 100 * distilled.accuracy(), 100 * aloneAccuracy, gain), verdict,
          Origin.MEASURED, mode.name().toLowerCase(Locale.ROOT) + " mode, " + budgetText(budget)
          + format("; noise margin ±%.2f points (twice the standard error of one accuracy)",
          margin));
    }
  }

  private static String budgetText(Budget b) {
    return format("%,d training, %,d validation, %,d test images (14×14); updates of %d"
        + " images: teacher %d, student %d (alone and distilled), pruning %d, QAT %d", b
        .trainImages(), b.validationImages(), b.testImages(), BATCH, b.teacherSteps(),
        b.studentSteps(), b.pruneSteps(), b.quantizeSteps());
  }

  private Pipeline cached;

  private synchronized Pipeline pipeline(Budget budget, Mode mode) throws IOException {
    if (cached != null && cached.mode() == mode) {
      return cached;
    }
    int available = SmallFashionMnist.count("train");
    int trainImages = Math.min(budget.trainImages(), available * 4 / 5);
    int validationImages = Math.min(budget.validationImages(), available - trainImages);
    Dataset train = SmallFashionMnist.read("train", 0, trainImages);
    Dataset validation = SmallFashionMnist.read("train", trainImages,
        trainImages + validationImages);
    Dataset test = SmallFashionMnist.read("t10k", 0, budget.testImages());
    ClassificationTask task = ClassificationTask.of(train, validation, "fc2", BATCH);
    List<Stage> stages = new ArrayList<>();
    NetworkModel teacher = NetworkModel.train(cnn("teacher-cnn", 32, 64, 128), task, seed,
        budget.teacherSteps(), RATE);
    stages.add(stage("teacher", teacher, test));
    Network studentNetwork = cnn("student-cnn", 8, 16, 32);
    NetworkModel alone = NetworkModel.train(studentNetwork, task, seed + 1,
        budget.studentSteps(), RATE);
    double aloneAccuracy = alone.evaluate(test).get("accuracy");
    NetworkModel untrained = NetworkModel.train(studentNetwork, task.withTeacher(teacher),
        seed + 1, 0, RATE);
    NetworkModel distilled = (NetworkModel) new DistillCompressor(30, 0.5, 0.95,
        budget.studentSteps(), RATE, seed + 1, log).compress(untrained).model();
    stages.add(stage("distilled student", distilled, test));
    Compression pruned = new PruneCompressor(0.5, budget.pruneSteps(), 2, RATE / 2, seed, log)
        .compress(distilled);
    stages.add(stage("+ pruning", (NetworkModel) pruned.model(), test));
    Compression quantized = new QuantizeCompressor(8, true, budget.quantizeSteps(), RATE / 20,
        seed, log).compress(pruned.model());
    stages.add(stage("+ 8-bit QAT", (NetworkModel) quantized.model(), test));
    cached = new Pipeline(mode, List.copyOf(stages), aloneAccuracy, new Budget(train.size(),
        validation.size(), test.size(), budget.teacherSteps(), budget.studentSteps(),
        budget.pruneSteps(), budget.quantizeSteps()));
    log.info("micronet pipeline: {}", cached.table());
    return cached;
  }

  private static Stage stage(String name, NetworkModel model, Dataset test) {
    CostReport cost = CostConventions.micronet().count(model.network());
    long nonzero = model.parameterNames().stream().mapToLong(model::nonzero).sum();
    Map<String, Double> metrics = model.evaluate(test);
    return new Stage(name, model.parameterCount(), nonzero, cost.params(), cost.macs(),
        metrics.get("accuracy"));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
