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
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;

/**
 * {@code distill}: trains the model (the student) on a teacher's probabilities, as the MicroNet
 * LM winners distil: the teacher's {@code top_k} most probable classes (or next words)
 * renormalised (soft labels), and the loss {@code r·NLL + (1 − r)·soft cross-entropy} with
 * {@code r} annealed linearly from {@code mix_start} to {@code mix_end} over the updates. It
 * takes a {@link NetworkModel} whose task holds a teacher's probabilities
 * ({@link ClassificationTask#withTeacher}; both terms are cross-entropies, so the loss is the
 * cross-entropy against {@code r·one-hot + (1 − r)·soft}), and an {@link LmModel} with a
 * teacher language model ({@link LmModel#withTeacher}): the teacher's top-k next words of every
 * position of the training segments are computed once before the updates (its adaptive
 * softmax, without a cache), and each update's soft term is the cross-entropy of the student's
 * adaptive-softmax log-probabilities of those words at each position; the NLL term is the
 * student's own loss (its cache mixed in where it has one). Weights that are zero stay zero.
 * The report holds the validation metrics the model has ({@code accuracy}, or
 * {@code perplexity} and the teacher's {@code teacher_perplexity}) besides {@code loss}.
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
    return List.of("top_k", "mix_start", "mix_end", "steps", "params", "loss_before", "loss");
  }

  @Override
  public String id() {
    return DistillProvider.ID;
  }

  @Override
  public boolean accepts(Model model) {
    return model instanceof NetworkModel m && m.task().teacher().isPresent()
        || model instanceof LmModel lm && lm.teacher().isPresent();
  }

  /** The weight of the true label's NLL at update {@code step}. */
  double mix(long step) {
    return steps <= 1 ? mixEnd : mixStart + (mixEnd - mixStart) * step / (steps - 1);
  }

  @Override
  public Compression compress(Model model) {
    if (!accepts(model)) {
      throw new IllegalArgumentException("compressor 'distill' needs a teacher: a network model"
          + " whose classification task holds a teacher's probabilities, or a language model"
          + " with a teacher language model; got " + model);
    }
    return model instanceof LmModel lm ? distil(lm) : distil((NetworkModel) model);
  }

  private Compression distil(NetworkModel input) {
    ClassificationTask task = input.task();
    int k = Math.min(topK, task.classes());
    INDArray soft = Tensors.topK(task.teacher().orElseThrow(), k);
    INDArray hard = task.train().labels();
    SameDiffNetwork graph = input.instantiate();
    Map<String, Double> before = NetworkModel.validate(graph, task);
    Map<String, INDArray> masks = masks(input);
    FineTuning.run(graph, task, steps, rate, seed, step -> {
      double r = mix(step);
      return new Dataset(task.train().features(), hard.mul(r).addi(soft.mul(1 - r)));
    }, keepZeros(masks, graph::parameter));
    Map<String, INDArray> values = new LinkedHashMap<>();
    input.parameterNames().forEach(name -> values.put(name, graph.parameter(name)));
    NetworkModel output = input.with(values, input.tensorBits(), input.activationBits());
    Map<String, Double> after = NetworkModel.validate(graph, task);
    return report(input, output, k, before, after, Map.of());
  }

  private Compression distil(LmModel input) {
    int k = Math.min(topK, input.shape().vocabulary());
    Map<String, Double> before = input.open(input.activationBits()).validate();
    double teacherPerplexity = input.teacherPerplexity();
    List<LanguageModel.SoftTargets> soft = input.teacherTargets(k, steps);
    LmModel.LiveModel live = input.openDistilling(input.activationBits());
    live.distil(soft, steps, rate, this::mix, keepZeros(masks(input), live::parameter));
    Map<String, INDArray> values = new LinkedHashMap<>();
    input.parameterNames().forEach(name -> values.put(name, live.parameter(name)));
    LmModel output = input.with(values, input.tensorBits(), input.activationBits());
    Map<String, Double> after = live.validate();
    return report(input, output, k, before, after, Map.of("teacher_perplexity",
        teacherPerplexity));
  }

  private static Map<String, INDArray> masks(CompressibleModel model) {
    Map<String, INDArray> masks = new LinkedHashMap<>();
    model.parameterNames().forEach(n -> masks.put(n, Tensors.nonzeroMask(model.parameter(n))));
    return masks;
  }

  /** Multiplies every live parameter by its mask after each update. */
  private static FineTuning.Hook keepZeros(Map<String, INDArray> masks,
      Function<String, INDArray> live) {
    return new FineTuning.Hook() {
      @Override
      public void after(long step) {
        masks.forEach((name, mask) -> live.apply(name).muli(mask));
      }
    };
  }

  private Compression report(CompressibleModel input, CompressibleModel output, int k,
      Map<String, Double> before, Map<String, Double> after, Map<String, Double> extra) {
    log.info("distilled '{}' for {} updates (top {}, mix {} -> {}): validation loss {} -> {}",
        input.architecture(), steps, k, mixStart, mixEnd, before.get("loss"), after.get("loss"));
    Metrics.Builder report = Metrics.builder()
        .add("top_k", k, "", Origin.ANALYTIC)
        .add("mix_start", mixStart, "", Origin.ANALYTIC)
        .add("mix_end", mixEnd, "", Origin.ANALYTIC)
        .add("steps", steps, "", Origin.ANALYTIC)
        .add("params", output.parameterCount(), "", Origin.ANALYTIC);
    CompressibleModel.addValidation(report, before, after);
    extra.forEach((name, value) -> report.add(name, value, "", Origin.MEASURED));
    return new Compression(output, report.build());
  }
}
