package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;

/**
 * {@code prune}: automated gradual pruning (Zhu and Gupta, arXiv:1710.01878) of every weight
 * tensor to its own target sparsity, the targets chosen by a sensitivity analysis, as the
 * MicroNet LM winners prune with Distiller. The analysis prunes each tensor alone by magnitude
 * to 10 %, 20 %, … 90 % and measures the validation loss
 * ({@link CompressibleModel.Session#sensitivityLoss()}: a network's whole validation set, the
 * language model's first validation segments); a tensor's target is the largest level
 * up to which its loss rises by at most a threshold, the smallest threshold whose targets reach
 * the overall {@code sparsity}. Fine-tuning then raises each tensor's sparsity from 0 to its
 * target on the cubic schedule {@code s·(1 − (1 − t/T)³)} over the first two thirds of the
 * steps (re-pruning by magnitude every {@code frequency} steps) and trains the rest with the
 * final masks. Masks are applied after every update, so pruned weights are exactly zero and
 * stay zero; weights that were zero in the input model are never revived. It works on any
 * {@link CompressibleModel}: a network on a classification task ({@link NetworkModel}) or the
 * MicroNet language model ({@link LmModel}); the report holds the validation metrics the model
 * has ({@code accuracy}, or {@code perplexity}) besides {@code loss}.
 */
final class PruneCompressor implements Compressor {

  static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  private final double sparsity;
  private final int steps;
  private final int frequency;
  private final double rate;
  private final long seed;
  private final Logger log;

  PruneCompressor(double sparsity, int steps, int frequency, double rate, long seed,
      Logger log) {
    this.sparsity = sparsity;
    this.steps = steps;
    this.frequency = frequency;
    this.rate = rate;
    this.seed = seed;
    this.log = log;
  }

  @Override
  public List<String> produces() {
    return List.of("sparsity", "target_sparsity", "params", "nonzero_params", "size_bits_before",
        "size_bits", "loss_before", "loss");
  }

  @Override
  public String id() {
    return PruneProvider.ID;
  }

  @Override
  public boolean accepts(Model model) {
    return model instanceof CompressibleModel;
  }

  @Override
  public Compression compress(Model model) {
    CompressibleModel input = (CompressibleModel) model;
    CompressibleModel.Session graph = input.open(input.activationBits());
    Map<String, Double> before = graph.validate();
    Map<String, Double> targets = targets(input, graph);
    Map<String, INDArray> masks = new LinkedHashMap<>();
    targets.keySet().forEach(name -> masks.put(name, Tensors.nonzeroMask(input.parameter(name))));
    int rampSteps = Math.max(1, (2 * steps) / 3);
    graph.fineTune(steps, rate, seed, new FineTuning.Hook() {
      @Override
      public void before(long step) {
        if (step <= rampSteps && (step % frequency == 0 || step == rampSteps)) {
          double progress = Math.min(1.0, (double) (step + 1) / rampSteps);
          double fraction = 1 - Math.pow(1 - progress, 3);
          targets.forEach((name, target) -> {
            INDArray value = graph.parameter(name);
            masks.put(name, Tensors.magnitudeMask(value, target * fraction, masks.get(name)));
            value.muli(masks.get(name));
          });
        }
      }

      @Override
      public void after(long step) {
        masks.forEach((name, mask) -> graph.parameter(name).muli(mask));
      }
    });
    targets.forEach((name, target) -> {
      INDArray value = graph.parameter(name);
      masks.put(name, Tensors.magnitudeMask(value, target, masks.get(name)));
      value.muli(masks.get(name));
    });
    Map<String, INDArray> values = new LinkedHashMap<>();
    input.parameterNames().forEach(name -> values.put(name, graph.parameter(name)));
    CompressibleModel output = input.with(values, input.tensorBits(), input.activationBits());
    Map<String, Double> after = graph.validate();
    long weights = 0;
    long zeros = 0;
    for (String name : targets.keySet()) {
      weights += output.parameter(name).length();
      zeros += output.parameter(name).length() - output.nonzero(name);
    }
    log.info("pruned {} of {} weights of '{}' ({} tensors): validation loss {} -> {}", zeros,
        weights, input.architecture(), targets.size(), before.get("loss"), after.get("loss"));
    Metrics.Builder report = Metrics.builder()
        .add("sparsity", (double) zeros / weights, "", Origin.MEASURED)
        .add("target_sparsity", sparsity, "", Origin.ANALYTIC)
        .add("params", output.parameterCount(), "", Origin.ANALYTIC)
        .add("nonzero_params", output.parameterCount() - zeros, "", Origin.MEASURED)
        .add("size_bits_before", input.sizeBits(), "bit", Origin.MEASURED)
        .add("size_bits", output.sizeBits(), "bit", Origin.MEASURED);
    CompressibleModel.addValidation(report, before, after);
    return new Compression(output, report.build());
  }

  /**
   * Each weight tensor's target sparsity from the sensitivity analysis on {@code graph} (which
   * holds {@code model}'s values, and is left so): the smallest loss threshold whose targets
   * prune at least {@code sparsity} of all weights.
   */
  Map<String, Double> targets(CompressibleModel model, CompressibleModel.Session graph) {
    double baseline = graph.sensitivityLoss();
    List<String> names = model.parameterNames().stream().filter(model::isWeight).toList();
    Map<String, double[]> rise = new LinkedHashMap<>();
    for (String name : names) {
      INDArray original = model.parameter(name);
      Tensors.MagnitudeOrder order = new Tensors.MagnitudeOrder(original,
          Tensors.nonzeroMask(original));
      double[] losses = new double[LEVELS.length];
      for (int i = 0; i < LEVELS.length; i++) {
        graph.parameter(name).assign(original.mul(order.mask(LEVELS[i])));
        losses[i] = graph.sensitivityLoss() - baseline;
      }
      graph.parameter(name).assign(original);
      rise.put(name, losses);
    }
    TreeSet<Double> thresholds = new TreeSet<>();
    rise.values().forEach(r -> {
      for (double x : r) {
        thresholds.add(x);
      }
    });
    long total = names.stream().mapToLong(n -> model.parameter(n).length()).sum();
    Map<String, Double> chosen = null;
    for (double threshold : thresholds) {
      Map<String, Double> targets = new LinkedHashMap<>();
      double pruned = 0;
      for (String name : names) {
        double level = 0;
        for (int i = 0; i < LEVELS.length && rise.get(name)[i] <= threshold; i++) {
          level = LEVELS[i];
        }
        targets.put(name, level);
        pruned += level * model.parameter(name).length();
      }
      chosen = targets;
      if (pruned / total >= sparsity) {
        break;
      }
    }
    List<String> described = new ArrayList<>();
    chosen.forEach((name, level) -> described.add(name + " " + level));
    log.info("sensitivity analysis of '{}': targets {}", model.architecture(), described);
    return chosen;
  }
}
