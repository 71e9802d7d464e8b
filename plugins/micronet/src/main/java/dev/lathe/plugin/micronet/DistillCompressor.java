package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.nd4j.train.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;

/**
 * {@code distill}: trains the model (the student) on its task's teacher probabilities, as the
 * MicroNet LM winners distil: the teacher's {@code top_k} most probable classes renormalised
 * (soft labels), and the loss {@code r·NLL + (1 − r)·soft cross-entropy} with {@code r}
 * annealed linearly from {@code mix_start} to {@code mix_end} over the updates. Both terms are
 * cross-entropies, so the loss is the cross-entropy against {@code r·one-hot + (1 − r)·soft}.
 * It takes models whose task holds a teacher's probabilities
 * ({@link ClassificationTask#withTeacher}); weights that are zero stay zero.
 */
final class DistillCompressor implements Compressor {

  private final int topK;
  private final double mixStart;
  private final double mixEnd;
  private final int steps;
  private final double rate;
  private final long seed;
  private final Logger log;

  DistillCompressor(int topK, double mixStart, double mixEnd, int steps, double rate, long seed,
      Logger log) {
    this.topK = topK;
    this.mixStart = mixStart;
    this.mixEnd = mixEnd;
    this.steps = steps;
    this.rate = rate;
    this.seed = seed;
    this.log = log;
  }

  @Override
  public List<String> produces() {
    return List.of("top_k", "mix_start", "mix_end", "steps", "params", "loss_before", "loss",
        "accuracy_before", "accuracy");
  }

  @Override
  public String id() {
    return DistillProvider.ID;
  }

  @Override
  public boolean accepts(Model model) {
    return model instanceof NetworkModel m && m.task().teacher().isPresent();
  }

  /** The weight of the true label's NLL at update {@code step}. */
  double mix(long step) {
    return steps <= 1 ? mixEnd : mixStart + (mixEnd - mixStart) * step / (steps - 1);
  }

  @Override
  public Compression compress(Model model) {
    if (!accepts(model)) {
      throw new IllegalArgumentException("compressor 'distill' needs a network model whose"
          + " classification task holds a teacher's probabilities (there is no teacher language"
          + " model); got " + model);
    }
    NetworkModel input = (NetworkModel) model;
    ClassificationTask task = input.task();
    INDArray soft = Tensors.topK(task.teacher().orElseThrow(), Math.min(topK, task.classes()));
    INDArray hard = task.train().labels();
    SameDiffNetwork graph = input.instantiate();
    Map<String, Double> before = NetworkModel.validate(graph, task);
    Map<String, INDArray> masks = new LinkedHashMap<>();
    input.parameterNames().forEach(n -> masks.put(n, Tensors.nonzeroMask(input.parameter(n))));
    FineTuning.run(graph, task, steps, rate, seed, step -> {
      double r = mix(step);
      return new Dataset(task.train().features(), hard.mul(r).addi(soft.mul(1 - r)));
    }, new FineTuning.Hook() {
      @Override
      public void after(long step) {
        masks.forEach((name, mask) -> graph.parameter(name).muli(mask));
      }
    });
    Map<String, INDArray> values = new LinkedHashMap<>();
    input.parameterNames().forEach(name -> values.put(name, graph.parameter(name)));
    NetworkModel output = input.with(values, input.tensorBits(), input.activationBits());
    Map<String, Double> after = NetworkModel.validate(graph, task);
    log.info("distilled '{}' for {} updates (top {}, mix {} -> {}): validation loss {} -> {}",
        input.architecture(), steps, topK, mixStart, mixEnd, before.get("loss"),
        after.get("loss"));
    Metrics report = Metrics.builder()
        .add("top_k", Math.min(topK, task.classes()), "", Origin.ANALYTIC)
        .add("mix_start", mixStart, "", Origin.ANALYTIC)
        .add("mix_end", mixEnd, "", Origin.ANALYTIC)
        .add("steps", steps, "", Origin.ANALYTIC)
        .add("params", output.parameterCount(), "", Origin.ANALYTIC)
        .add("loss_before", before.get("loss"), "", Origin.MEASURED)
        .add("loss", after.get("loss"), "", Origin.MEASURED)
        .add("accuracy_before", before.get("accuracy"), "", Origin.MEASURED)
        .add("accuracy", after.get("accuracy"), "", Origin.MEASURED)
        .build();
    return new Compression(output, report);
  }
}
