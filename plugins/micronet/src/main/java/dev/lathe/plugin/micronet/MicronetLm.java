package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Activation;
import dev.lathe.api.model.Elementwise;
import dev.lathe.api.model.Embedding;
import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import dev.lathe.api.model.Shape;
import dev.lathe.api.model.cost.MicronetScore;
import dev.lathe.api.model.cost.MicronetScore.Operations;
import dev.lathe.api.model.cost.MicronetScore.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MicroNet language model's shape (arXiv:2005.07877): a pre-LayerNorm Transformer decoder
 * whose queries see the segment and one more key ({@code nSeq + 1}) with a learned positional
 * term, an adaptive input embedding with tied adaptive softmax, and a cache over the last
 * {@code nCache} hidden states. It builds the node-by-node {@link Network} and the
 * term-by-term {@link MicronetScore} of the winners' evaluation.
 *
 * @param layers decoder layers
 * @param dModel model width
 * @param heads attention heads
 * @param dHead width of each head's keys, queries and values ({@code n_k = n_v})
 * @param dFf width of the feed-forward layer
 * @param nSeq segment length; each query attends to {@code nSeq + 1} keys
 * @param nCache cache entries, 0 for none
 * @param cutoffs the word ids where each tail bin starts, ascending
 * @param embedDims the embedding width of each bin (the head first)
 * @param vocabulary words
 * @param bits bit width of weights, activations and multiplications (32: not quantised)
 * @param sparsity one sparsity for every prunable weight matrix, or one per scored tensor in
 *     {@link #tensorNames()}'s order
 * @param binCounts test-set tokens in each bin, which weight the input projections
 */
record MicronetLm(int layers, int dModel, int heads, int dHead, int dFf, int nSeq, int nCache,
    List<Integer> cutoffs, List<Integer> embedDims, int vocabulary, int bits,
    List<Double> sparsity, List<Long> binCounts) {

  /** Activation quantisers per decoder layer: after ln1, qkv, attention, attention × v, ln2, ReLU, fc. */
  static final int QUANTIZERS_PER_LAYER = 7;

  /** Checks that the parts fit together; the messages name the setting. */
  MicronetLm {
    cutoffs = List.copyOf(cutoffs);
    embedDims = List.copyOf(embedDims);
    sparsity = List.copyOf(sparsity);
    binCounts = List.copyOf(binCounts);
    int previous = 0;
    for (int cutoff : cutoffs) {
      if (cutoff <= previous || cutoff >= vocabulary) {
        throw new IllegalArgumentException("cutoffs " + cutoffs + " must ascend within (0, vocab "
            + vocabulary + ")");
      }
      previous = cutoff;
    }
    if (embedDims.size() != cutoffs.size() + 1) {
      throw new IllegalArgumentException("embed_dims " + embedDims + " needs one width per bin: "
          + (cutoffs.size() + 1) + " for cutoffs " + cutoffs);
    }
    if (binCounts.size() != cutoffs.size() + 1) {
      throw new IllegalArgumentException("bin_counts " + binCounts + " needs one count per bin: "
          + (cutoffs.size() + 1) + " for cutoffs " + cutoffs);
    }
    if (binCounts.stream().mapToLong(Long::longValue).sum() <= 0) {
      throw new IllegalArgumentException("bin_counts " + binCounts + " must count some tokens");
    }
    for (double s : sparsity) {
      if (!(s >= 0 && s < 1)) {
        throw new IllegalArgumentException("sparsity " + s + " must be in [0, 1)");
      }
    }
  }

  /** The number of vocabulary bins: the head and the tails. */
  int bins() {
    return cutoffs.size() + 1;
  }

  /** The words of bin {@code bin}. */
  int binSize(int bin) {
    int start = bin == 0 ? 0 : cutoffs.get(bin - 1);
    int end = bin == cutoffs.size() ? vocabulary : cutoffs.get(bin);
    return end - start;
  }

  /** Whether bin {@code bin}'s embedding is projected to (and from) the model width. */
  boolean projected(int bin) {
    return embedDims.get(bin) != dModel;
  }

  /** Keys each query sees: the segment and one more position. */
  int context() {
    return nSeq + 1;
  }

  /** The element counts of every scored tensor, by name, in the model's state order. */
  Map<String, Long> tensorSizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (int b = 0; b < bins(); b++) {
      sizes.put("embed.layers." + b + ".weight", (long) binSize(b) * embedDims.get(b));
    }
    int projection = 0;
    for (int b = 0; b < bins(); b++) {
      if (projected(b)) {
        sizes.put("embed.projections." + projection++ + ".weight",
            (long) embedDims.get(b) * dModel);
      }
    }
    long qkv = 3L * heads * dHead;
    for (int l = 0; l < layers; l++) {
      String p = "layers." + l + ".";
      sizes.put(p + "pos_emb", (long) dHead * context());
      sizes.put(p + "qkv.weight", qkv * dModel);
      sizes.put(p + "qkv.bias", qkv);
      sizes.put(p + "out.weight", (long) heads * dHead * dModel);
      sizes.put(p + "fc.0.weight", (long) dModel * dFf);
      sizes.put(p + "fc.0.bias", (long) dFf);
      sizes.put(p + "fc.3.weight", (long) dFf * dModel);
      sizes.put(p + "fc.3.bias", (long) dModel);
    }
    if (bins() > 1) {
      sizes.put("loss.clusters.weight", (long) (bins() - 1) * dModel);
      sizes.put("loss.clusters.bias", (long) (bins() - 1));
    }
    for (int b = 0; b < bins(); b++) {
      sizes.put("loss.layers." + b + ".bias", (long) binSize(b));
    }
    projection = 0;
    for (int b = 0; b < bins(); b++) {
      if (projected(b)) {
        sizes.put("loss.projections." + projection++ + ".weight",
            (long) dModel * embedDims.get(b));
      }
    }
    return sizes;
  }

  /** The scored tensors' names, in the order a per-tensor {@code sparsity} list follows. */
  List<String> tensorNames() {
    return List.copyOf(tensorSizes().keySet());
  }

  /**
   * Whether a single {@code sparsity} applies to tensor {@code name}: the weight matrices that
   * the winners' pruning schedule prunes (embedding tables, projections, attention and
   * feed-forward weights), not biases, positional terms or the cluster logits.
   */
  private static boolean prunable(String name) {
    return name.endsWith(".weight") && !name.startsWith("loss.clusters.");
  }

  /**
   * The non-zero elements of every scored tensor: {@code total − ⌊sparsity · total⌋}, the count
   * that magnitude pruning to that sparsity leaves (Distiller's rule).
   */
  Map<String, Long> nonzero() {
    Map<String, Long> sizes = tensorSizes();
    if (sparsity.size() != 1 && sparsity.size() != sizes.size()) {
      throw new IllegalArgumentException("sparsity has " + sparsity.size() + " values; give one"
          + " for every prunable weight matrix or one per scored tensor (" + sizes.size()
          + " for this model, from " + sizes.keySet().iterator().next() + " to "
          + tensorNames().get(sizes.size() - 1) + " in the order of the 'tensors' that"
          + " 'lathe cost micronet-lm --convention micronet --format json' lists)");
    }
    Map<String, Long> nonzero = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      double s = sparsity.size() == 1 ? (prunable(e.getKey()) ? sparsity.get(0) : 0)
          : sparsity.get(i);
      long total = e.getValue();
      nonzero.put(e.getKey(), total - (long) Math.floor(s * total));
      i++;
    }
    return nonzero;
  }

  /** The score, term by term as the winners' evaluation notebook counts it. */
  MicronetScore score() {
    Map<String, Long> sizes = tensorSizes();
    Map<String, Long> nonzero = nonzero();
    List<Tensor> tensors = new ArrayList<>();
    sizes.forEach((name, total) -> tensors.add(new Tensor(name, total, nonzero.get(name))));
    Terms terms = new Terms(sizes, nonzero);
    long tokens = binCounts.stream().mapToLong(Long::longValue).sum();
    int projection = 0;
    for (int b = 0; b < bins(); b++) {
      if (projected(b)) {
        String p = "embed.projections." + projection++;
        terms.linear(p, p + ".weight", null, embedDims.get(b), dModel,
            (double) binCounts.get(b) / tokens);
      }
    }
    int context = context();
    for (int l = 0; l < layers; l++) {
      String p = "layers." + l + ".";
      terms.other(p + "ln1", 6.0 * dModel);
      terms.linear(p + "qkv", p + "qkv.weight", p + "qkv.bias", dModel, 3 * heads * dHead, 1);
      terms.product(p + "q_k", dHead, (long) context * heads, false);
      terms.product(p + "q_pos_emb", dHead, context, true);
      terms.other(p + "softmax", 3.0 * context - 1);
      terms.product(p + "attn_v", context, (long) heads * dHead, false);
      terms.linear(p + "out", p + "out.weight", null, heads * dHead, dModel, 1);
      terms.addition(p + "residual1", dModel);
      terms.other(p + "ln2", 6.0 * dModel);
      terms.linear(p + "fc.0", p + "fc.0.weight", p + "fc.0.bias", dModel, dFf, 1);
      terms.other(p + "relu", dFf);
      terms.linear(p + "fc.3", p + "fc.3.weight", p + "fc.3.bias", dFf, dModel, 1);
      terms.addition(p + "residual2", dModel);
    }
    if (bins() > 1) {
      terms.linear("loss.clusters", "loss.clusters.weight", "loss.clusters.bias", dModel,
          bins() - 1, 1);
    }
    for (int b = 0; b < bins(); b++) {
      terms.linear("loss.layers." + b, "embed.layers." + b + ".weight",
          "loss.layers." + b + ".bias", embedDims.get(b), binSize(b), 1);
    }
    projection = 0;
    for (int b = 0; b < bins(); b++) {
      if (projected(b)) {
        String p = "loss.projections." + projection++;
        terms.linear(p, p + ".weight", null, dModel, embedDims.get(b), 1);
      }
    }
    for (int b = 0; b < bins(); b++) {
      int size = binSize(b) + (b == 0 ? bins() - 1 : 0);
      terms.other("loss.softmax." + b, 3.0 * size - 1);
    }
    if (nCache > 0) {
      terms.product("cache.h_keys", dModel, nCache, false);
      terms.other("cache.softmax", 3.0 * nCache - 1);
    }
    int quantizers = bits < 32 ? QUANTIZERS_PER_LAYER * layers + 1 : 0;
    return new MicronetScore(bits, tensors, terms.list, quantizers);
  }

  /** The operation terms, collected in order. */
  private static final class Terms {

    private final Map<String, Long> sizes;
    private final Map<String, Long> nonzero;
    final List<Operations> list = new ArrayList<>();

    Terms(Map<String, Long> sizes, Map<String, Long> nonzero) {
      this.sizes = sizes;
      this.nonzero = nonzero;
    }

    private double density(String tensor) {
      long total = sizes.get(tensor);
      return total == 0 ? 1 : (double) nonzero.get(tensor) / total;
    }

    /**
     * A weight matrix {@code in → out} times a vector: {@code d·in·out} multiplications,
     * {@code d·(in − 1)·out} additions and {@code d_b·out} bias additions, all scaled by
     * {@code multiplier}, with {@code d} and {@code d_b} the weights' and biases' densities.
     */
    void linear(String name, String weight, String bias, int in, int out, double multiplier) {
      double wd = multiplier * density(weight);
      double bd = bias == null ? 0 : multiplier * density(bias);
      list.add(new Operations(name, wd * in * out, wd * (in - 1) * out + bd * out, 0));
    }

    /** A dense product of an {@code in}-vector with {@code out} vectors, plus {@code out} additions if {@code add}. */
    void product(String name, long in, long out, boolean add) {
      list.add(new Operations(name, (double) in * out, (double) (in - 1) * out
          + (add ? out : 0), 0));
    }

    void addition(String name, double additions) {
      list.add(new Operations(name, 0, additions, 0));
    }

    void other(String name, double others) {
      list.add(new Operations(name, 0, 0, others));
    }
  }

  /**
   * One segment of {@code nSeq} tokens as a node-by-node network, for the node-by-node
   * conventions: every bin's table and projections are applied to the segment (a
   * {@code Network} cannot route each token to its one bin), attention is multi-head attention
   * over {@code nSeq + 1} keys with biases, and the output tables share the embeddings'
   * weights. The learned positional term has no layer kind and is left out.
   */
  Network network() {
    return network("micronet-lm", false);
  }

  /**
   * One segment of {@code nSeq} tokens as the network that trains: as {@link #network()}, but
   * each bin's table reads its own input {@code tokens.BIN}, the token ids minus the bin's first
   * id (ids of other bins fall outside the table and embed as zeros), so that the sum of the
   * bins is the adaptive input embedding; the attention is causal over the segment and the
   * previous {@code nSeq} positions (the bridge's segment memory).
   */
  Network trainingNetwork() {
    return network("micronet-lm-segment", true);
  }

  /** The first word id of bin {@code bin}. */
  int binStart(int bin) {
    return bin == 0 ? 0 : cutoffs.get(bin - 1);
  }

  private Network network(String name, boolean binInputs) {
    Network.Builder b = Network.builder(name);
    if (binInputs) {
      for (int bin = 0; bin < bins(); bin++) {
        b.input("tokens." + bin, Shape.of(nSeq));
      }
    } else {
      b.input("tokens", Shape.of(nSeq));
    }
    List<String> embedded = new ArrayList<>();
    for (int bin = 0; bin < bins(); bin++) {
      String table = "embed.layers." + bin;
      b.add(table, new Embedding(binSize(bin), embedDims.get(bin)),
          binInputs ? "tokens." + bin : "tokens");
      if (projected(bin)) {
        b.add("embed.projections." + bin, Linear.of(embedDims.get(bin), dModel).withBias(false),
            table);
      }
      embedded.add(b.last());
    }
    String x = embedded.size() == 1 ? embedded.get(0) : b.add("embed.sum", Elementwise.ADD,
        embedded.toArray(String[]::new)).last();
    for (int l = 0; l < layers; l++) {
      String p = "layers." + l + ".";
      b.add(p + "ln1", Normalization.layer(dModel), x);
      b.add(p + "attention", MultiHeadAttention.self(dModel, heads).withHeadDim(dHead)
          .withContext(context()));
      x = b.add(p + "residual1", Elementwise.ADD, x, p + "attention").last();
      b.add(p + "ln2", Normalization.layer(dModel), x);
      b.add(p + "fc.0", Linear.of(dModel, dFf));
      b.add(p + "relu", Activation.RELU);
      b.add(p + "fc.3", Linear.of(dFf, dModel));
      x = b.add(p + "residual2", Elementwise.ADD, x, p + "fc.3").last();
    }
    List<String> outputs = new ArrayList<>();
    if (bins() > 1) {
      outputs.add(b.add("loss.clusters", Linear.of(dModel, bins() - 1), x).last());
    }
    for (int bin = 0; bin < bins(); bin++) {
      String in = x;
      if (projected(bin)) {
        in = b.add("loss.projections." + bin, Linear.of(dModel, embedDims.get(bin))
            .withBias(false), x).last();
      }
      String logits = "loss.layers." + bin;
      b.add(logits, Linear.of(embedDims.get(bin), binSize(bin)), in);
      b.shareWeights(logits, "embed.layers." + bin);
      outputs.add(logits);
    }
    return b.outputs(outputs.toArray(String[]::new)).build();
  }
}
