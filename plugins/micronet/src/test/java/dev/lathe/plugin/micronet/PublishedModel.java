package dev.lathe.plugin.micronet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published final model's per-tensor sparsities (arXiv:2005.07877, official repository
 * mit-han-lab/neurips-micronet, {@code results/prune0.358_distill_8.3M_cache2000_hebbian/
 * distiller_prune.yaml}: each pruner's {@code final_sparsity}), plus the zeros that 9-bit
 * quantisation left in it. Its evaluation notebook prints 5,326,376 non-zero parameters where the
 * schedule leaves 5,326,637 ({@code total − ⌊s·total⌋} per tensor): 261 more zeros, and its
 * multiplications and additions fix their kinds exactly: 13 weights of a 256-input matrix, 1 of
 * the 4-wide tail's input projection, 247 biases. Which tensors hold them is not published; they
 * are put in {@code loss.clusters.weight}, {@code embed.projections.1.weight} and
 * {@code loss.layers.0.bias}, which gives the same score wherever they are.
 */
final class PublishedModel {

  private PublishedModel() {}

  /** The schedule's final sparsity of each pruned tensor. */
  static Map<String, Double> schedule() {
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("embed.layers.0.weight", 0.165);
    s.put("embed.layers.1.weight", 0.30000000000000004);
    s.put("embed.layers.2.weight", 0.3375);
    s.put("embed.projections.0.weight", 0.4425);
    double[][] layers = {
        // qkv, out, fc.0, fc.3
        {0.3375, 0.4425, 0.30000000000000004, 0.255},
        {0.41250000000000003, 0.6000000000000001, 0.375, 0.375},
        {0.3375, 0.5325, 0.41250000000000003, 0.47250000000000003},
        {0.4425, 0.5775, 0.41250000000000003, 0.5025000000000001},
        {0.41250000000000003, 0.5549999999999999, 0.41250000000000003, 0.4425},
        {0.41250000000000003, 0.5325, 0.41250000000000003, 0.41250000000000003},
        {0.4425, 0.6000000000000001, 0.375, 0.375},
        {0.3375, 0.4425, 0.255, 0.30000000000000004}};
    for (int l = 0; l < layers.length; l++) {
      s.put("layers." + l + ".qkv.weight", layers[l][0]);
      s.put("layers." + l + ".out.weight", layers[l][1]);
      s.put("layers." + l + ".fc.0.weight", layers[l][2]);
      s.put("layers." + l + ".fc.3.weight", layers[l][3]);
    }
    s.put("loss.layers.1.bias", 0.75);
    s.put("loss.layers.2.bias", 0.75);
    s.put("loss.projections.0.weight", 0.3375);
    return s;
  }

  /** Zeros left by quantisation, by tensor, beyond the schedule's. */
  static Map<String, Integer> quantizationZeros() {
    return Map.of("loss.clusters.weight", 13, "embed.projections.1.weight", 1,
        "loss.layers.0.bias", 247);
  }

  /** The per-tensor sparsity list of the published model in {@code model}'s tensor order. */
  static List<Double> sparsities(MicronetLm model) {
    Map<String, Double> schedule = schedule();
    Map<String, Integer> extra = quantizationZeros();
    Map<String, Long> sizes = model.tensorSizes();
    return model.tensorNames().stream().map(name -> {
      if (extra.containsKey(name)) {
        return (extra.get(name) + 0.5) / sizes.get(name);
      }
      return schedule.getOrDefault(name, 0.0);
    }).toList();
  }

  /** The same list as a {@code --set} value. */
  static String sparsityValue(MicronetLm model) {
    return sparsities(model).stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
