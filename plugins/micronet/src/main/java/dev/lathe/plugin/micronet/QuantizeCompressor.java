package dev.lathe.plugin.micronet;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;

/**
 * {@code quantize}: quantisation-aware training to {@code bits}-bit weights, biases and
 * (unless {@code activations} is off) activations, as the MicroNet LM winners train. Weights
 * are symmetric and per output channel (each slice along axis 0 has its own scale, its largest
 * magnitude over {@code 2^(bits−1) − 1}; a bias is one channel). Activations are fake-quantised
 * symmetrically per tensor with the batch's largest magnitude by the SameDiff bridge
 * ({@link dev.lathe.api.model.NodeAttributes#activationBits()}), the gradient passing straight
 * through: a {@link NetworkModel}'s every node output, an {@link LmModel}'s inputs of its
 * matrix products ({@link LanguageModel#quantizingMatrixInputs}); the report's
 * {@code activation_bits} says which bits the result computes with. Each update computes the
 * gradient at the quantised weights and applies the step to full-precision shadow weights (the
 * straight-through estimator); the result holds the quantised shadow weights, so every channel
 * takes at most {@code 2^bits − 1} distinct values. Zeros stay zero: zero is a level, and
 * weights that are zero in the input are kept at zero. It works on any
 * {@link CompressibleModel}. The report holds the validation metrics the model has
 * ({@code accuracy}, or {@code perplexity}) besides {@code loss}, both measured at the input's
 * and the result's activation bits.
 */
final class QuantizeCompressor implements Compressor {

  private final int bits;
  private final boolean activations;
  private final int steps;
  private final double rate;
  private final long seed;
  private final Logger log;

  QuantizeCompressor(int bits, boolean activations, int steps, double rate, long seed,
      Logger log) {
    this.bits = bits;
    this.activations = activations;
    this.steps = steps;
    this.rate = rate;
    this.seed = seed;
    this.log = log;
  }

  @Override
  public List<String> produces() {
    return List.of("bits", "activation_bits", "tensors", "max_values_per_channel", "params",
        "size_bits_before", "size_bits", "loss_before", "loss");
  }

  @Override
  public String id() {
    return QuantizeProvider.ID;
  }

  @Override
  public boolean accepts(Model model) {
    return model instanceof CompressibleModel;
  }

  @Override
  public Compression compress(Model model) {
    CompressibleModel input = (CompressibleModel) model;
    List<String> names = input.parameterNames().stream()
        .filter(n -> input.isWeight(n) || input.isBias(n)).toList();
    Map<String, Double> before = input.open(input.activationBits()).validate();
    int activationBits = activations ? Math.min(bits, input.activationBits())
        : input.activationBits();
    CompressibleModel.Session graph = input.open(activationBits);
    Map<String, INDArray> shadow = new LinkedHashMap<>();
    Map<String, INDArray> masks = new LinkedHashMap<>();
    Map<String, INDArray> quantized = new LinkedHashMap<>();
    for (String name : names) {
      shadow.put(name, input.parameter(name));
      masks.put(name, Tensors.nonzeroMask(shadow.get(name)));
    }
    graph.fineTune(steps, rate, seed, new FineTuning.Hook() {
      @Override
      public void before(long step) {
        shadow.forEach((name, value) -> {
          quantized.put(name, Tensors.quantize(value, bits));
          graph.parameter(name).assign(quantized.get(name));
        });
      }

      @Override
      public void after(long step) {
        shadow.forEach((name, value) -> value.addi(graph.parameter(name)
            .sub(quantized.get(name))).muli(masks.get(name)));
      }
    });
    Map<String, INDArray> values = new LinkedHashMap<>();
    Map<String, Integer> tensorBits = new LinkedHashMap<>(input.tensorBits());
    for (String name : input.parameterNames()) {
      if (shadow.containsKey(name)) {
        values.put(name, Tensors.quantize(shadow.get(name), bits));
        graph.parameter(name).assign(values.get(name));
        tensorBits.put(name, bits);
      } else {
        values.put(name, graph.parameter(name));
      }
    }
    CompressibleModel output = input.with(values, tensorBits, activationBits);
    Map<String, Double> after = graph.validate();
    int distinct = names.stream().mapToInt(n -> Tensors.distinctValuesPerChannel(
        output.parameter(n))).max().orElse(0);
    log.info("quantised {} tensors of '{}' to {} bits: validation loss {} -> {}", names.size(),
        input.architecture(), bits, before.get("loss"), after.get("loss"));
    Metrics.Builder report = Metrics.builder()
        .add("bits", bits, "bit", Origin.ANALYTIC)
        .add("activation_bits", activationBits, "bit", Origin.ANALYTIC)
        .add("tensors", names.size(), "", Origin.ANALYTIC)
        .add("max_values_per_channel", distinct, "", Origin.MEASURED)
        .add("params", output.parameterCount(), "", Origin.ANALYTIC)
        .add("size_bits_before", input.sizeBits(), "bit", Origin.MEASURED)
        .add("size_bits", output.sizeBits(), "bit", Origin.MEASURED);
    CompressibleModel.addValidation(report, before, after);
    return new Compression(output, report.build());
  }
}
