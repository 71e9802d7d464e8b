package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Linear;
import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.nd4j.network.SegmentMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The MicroNet language model (arXiv:2005.07877) as a trainable SameDiff graph: the segment
 * network of {@link MicronetLm#trainingNetwork()} built by the bridge (pre-LayerNorm decoder,
 * causal attention over the segment and the previous {@code nSeq} positions with a learned
 * positional term, adaptive input embedding), with the tied adaptive softmax on top: the head's
 * log-softmax over its words and one logit per tail cluster, each tail's log-softmax added to
 * its cluster's log-probability. With {@code nCache > 0} the differentiable cache (Grave et al.
 * arXiv:1612.04426 made trainable, as in the MicroNet LM) mixes in: {@code p = λ·p_cache +
 * (1 − λ)·p_model}, {@code p_cache} the softmax of {@code θ·h·k} over the last {@code nCache}
 * positions whose next word is the target, {@code λ = sigmoid(l)} (initially 0.07) and
 * {@code θ = softplus(t)} (initially 0.016) learned. Trained with Adam; one step is one segment
 * of every row of the batch, the segment memory and the cache carried from step to step.
 *
 * <p>With activations below 32 bits, every tensor that enters a matrix product of the network
 * (the input of each linear map and of each attention node: the projected embeddings' tables,
 * the normalised inputs of attention and feed-forward, the ReLU's output, the last hidden
 * state and the output projections; inside each attention node its queries, keys, values,
 * softmax weights and context) is fake-quantised by the bridge, symmetrically per tensor
 * with the batch's largest magnitude, the gradient passing straight through
 * ({@link NodeAttributes#activationBits()}). A distilling model also has the distillation loss
 * {@code r·NLL + (1 − r)·soft}, {@code soft} the cross-entropy of the model's adaptive-softmax
 * log-probabilities (without the cache) against a teacher's top-k next words of each position
 * ({@link SoftTargets}), picked from the log-probabilities of all words; it is trained with
 * {@link #distillStep}. Not thread-safe.
 */
final class LanguageModel {

  static {
    NetworkModel.openNd4j();
  }

  /** The placeholder of the target ids {@code [N, nSeq]}. */
  static final String TARGETS = "targets";
  /** Each target's log-probability under the model alone, {@code [N, nSeq]}. */
  static final String MODEL_LOG_PROB = "model_log_prob";
  /** Each target's log-probability with the cache mixed in (or the model's), {@code [N, nSeq]}. */
  static final String LOG_PROB = "log_prob";
  /** The mean negative log-probability, the training loss. */
  static final String LOSS = "lm_loss";
  /** Every word's log-probability under the model alone, {@code [N, nSeq, vocabulary]}. */
  static final String LOG_PROBS = "log_probs";
  /**
   * Distillation's placeholders: the teacher's weight of every word at every position
   * {@code [N, nSeq, vocabulary]} (zero but for its top-k words), and the NLL's share {@code r}
   * (a scalar).
   */
  static final String SOFT_WEIGHTS = "soft_weights";
  static final String MIX = "distill_mix";
  /** The mean cross-entropy against the teacher's top-k words, per position. */
  static final String SOFT_LOSS = "soft_loss";
  /** {@code r·}{@link #LOSS}{@code  + (1 − r)·}{@link #SOFT_LOSS}, a distilling model's loss. */
  static final String DISTILL_LOSS = "distill_loss";
  /** The cache's keys {@code [N, nCache, d]}, ids and validities {@code [N, nCache]}. */
  static final String CACHE_KEYS = "cache_keys";
  static final String CACHE_IDS = "cache_ids";
  static final String CACHE_VALID = "cache_valid";
  /** The cache's mixing weight before the sigmoid and its inverse temperature before the softplus. */
  static final String LAMBDA = "cache/lambda";
  static final String THETA = "cache/theta";
  /** The paper's initial λ and θ. */
  static final double INITIAL_LAMBDA = 0.07;
  static final double INITIAL_THETA = 0.016;
  /** Gradients are clipped to this global norm. */
  static final double CLIP = 1.0;
  private static final double MASKED = 1e9;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final MicronetLm shape;
  private final SameDiffNetwork network;
  private final SameDiff graph;
  private final String hidden;
  private final List<String> parameters;
  private final Map<String, INDArray[]> moments = new HashMap<>();
  private final boolean cache;
  private final int activationBits;
  private final boolean distilling;
  private long steps;
  private SegmentMemory memory;
  private INDArray cacheKeys;
  private INDArray cacheIds;
  private INDArray cacheValid;

  /**
   * The model of {@code shape} (its bits and sparsity are not used) with parameters initialised
   * from {@code seed}; the cache is part of the graph and trained when {@code shape.nCache() > 0}.
   */
  LanguageModel(MicronetLm shape, long seed) {
    this(shape, seed, 32, false);
  }

  /**
   * The model of {@code shape} with parameters initialised from {@code seed}, the inputs of its
   * matrix products fake-quantised to {@code activationBits} bits (none at 32), trained on the
   * distillation loss ({@link #distillStep}) instead of the NLL ({@link #step}) when
   * {@code distilling}.
   */
  LanguageModel(MicronetLm shape, long seed, int activationBits, boolean distilling) {
    if (shape.layers() < 1) {
      throw new IllegalArgumentException("a language model needs at least 1 layer, got "
          + shape.layers());
    }
    if (activationBits < 2 || activationBits > 32) {
      throw new IllegalArgumentException("a language model's activations take 2 to 32 bits, not "
          + activationBits);
    }
    this.shape = shape;
    this.cache = shape.nCache() > 0;
    this.activationBits = activationBits;
    this.distilling = distilling;
    Network segment = shape.trainingNetwork();
    this.network = SameDiffNetwork.build(activationBits < 32
        ? quantizingMatrixInputs(segment, activationBits) : segment, seed);
    this.graph = network.graph();
    this.hidden = network.trainingVariable("layers." + (shape.layers() - 1) + ".residual2");
    SDVariable logProbs = buildLoss();
    if (distilling) {
      buildDistillation(logProbs);
    }
    graph.setLossVariables(distilling ? DISTILL_LOSS : LOSS);
    Nd4jRuntime.createGradFunction(graph);
    this.parameters = network.parameterNames();
  }

  /**
   * {@code segment} with the output of every node that a linear map or an attention node reads
   * fake-quantised to {@code bits} bits, and every attention node at {@code bits} bits too, which
   * quantises its queries, keys, values, softmax weights, context and output.
   */
  static Network quantizingMatrixInputs(Network segment, int bits) {
    Set<String> matrixInputs = new HashSet<>();
    for (Node node : segment.nodes()) {
      if (node.layer() instanceof Linear || node.layer() instanceof MultiHeadAttention) {
        matrixInputs.addAll(node.inputs());
      }
    }
    return segment.withAttributes(node -> matrixInputs.contains(node.name())
        || node.layer() instanceof MultiHeadAttention
        ? new NodeAttributes(node.attributes().weightBits(), bits, node.attributes().sparsity())
        : node.attributes());
  }

  /**
   * The names of the nodes computed below 32 activation bits: those whose outputs enter a matrix
   * product, and the attention nodes.
   */
  static List<String> matrixInputNodes(MicronetLm shape) {
    Network quantized = quantizingMatrixInputs(shape.trainingNetwork(), 8);
    return quantized.nodes().stream().filter(n -> n.attributes().activationBits() < 32)
        .map(Node::name).toList();
  }

  private SDVariable buildLoss() {
    int t = shape.nSeq();
    SDVariable targets = graph.placeHolder(TARGETS, DataType.INT32, -1, t);
    SDVariable head = graph.getVariable(network.trainingVariable("loss.layers.0"));
    int headWords = shape.binSize(0);
    if (shape.bins() > 1) {
      head = graph.concat(2, head, graph.getVariable(network.trainingVariable("loss.clusters")));
    }
    SDVariable headLog = logSoftmax(head);
    List<SDVariable> parts = new ArrayList<>();
    parts.add(headLog.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, (long) headWords)));
    for (int bin = 1; bin < shape.bins(); bin++) {
      SDVariable tail = logSoftmax(graph.getVariable(
          network.trainingVariable("loss.layers." + bin)));
      long cluster = headWords + bin - 1L;
      parts.add(tail.add(headLog.get(SDIndex.all(), SDIndex.all(),
          SDIndex.interval(cluster, cluster + 1))));
    }
    SDVariable logProbs = (parts.size() == 1 ? parts.get(0)
        : graph.concat(2, parts.toArray(new SDVariable[0]))).rename(LOG_PROBS);
    SDVariable oneHot = graph.oneHot(targets, shape.vocabulary(), -1, 1.0, 0.0, DataType.FLOAT);
    SDVariable model = oneHot.mul(logProbs).sum(2).rename(MODEL_LOG_PROB);
    SDVariable mixed = cache ? cacheLogProb(model, targets).rename(LOG_PROB)
        : graph.identity(LOG_PROB, model);
    mixed.mean().neg().rename(LOSS);
    return logProbs;
  }

  /**
   * The distillation loss: the log-probabilities of the teacher's words weighted by the
   * teacher's weights (zero elsewhere: the gather of the top-k words as a product with the
   * scattered weights, since ND4J 1.0.0-M2.1's gradient of a gather is slow and loses the
   * values), summed over the weights' sum (each position's weights sum to 1, so that is the mean
   * over positions) and negated, mixed with the NLL.
   */
  private void buildDistillation(SDVariable logProbs) {
    SDVariable weights = graph.placeHolder(SOFT_WEIGHTS, DataType.FLOAT, -1, shape.nSeq(),
        shape.vocabulary());
    SDVariable mix = graph.placeHolder(MIX, DataType.FLOAT);
    SDVariable soft = logProbs.mul(weights).sum().div(weights.sum()).neg().rename(SOFT_LOSS);
    mix.mul(graph.getVariable(LOSS)).add(mix.rsub(1.0).mul(soft)).rename(DISTILL_LOSS);
  }

  /**
   * The log-softmax over the last axis of {@code [N, T, K]} logits, {@code x − max − log Σ
   * exp(x − max)}: ND4J 1.0.0-M2.1 cannot differentiate its own log-softmax along an axis.
   */
  private SDVariable logSoftmax(SDVariable logits) {
    SDVariable shifted = logits.sub(logits.max(true, 2));
    return shifted.sub(graph.math().log(graph.math().exp(shifted).sum(true, 2)));
  }

  /** {@code log(λ·p_cache + (1 − λ)·exp(model))} for every position, as the class documents. */
  private SDVariable cacheLogProb(SDVariable model, SDVariable targets) {
    int t = shape.nSeq();
    int m = shape.nCache();
    int keys = m + t;
    SDVariable h = graph.getVariable(hidden);
    SDVariable cachedKeys = graph.placeHolder(CACHE_KEYS, DataType.FLOAT, -1, m, shape.dModel());
    SDVariable cachedIds = graph.placeHolder(CACHE_IDS, DataType.FLOAT, -1, m);
    SDVariable cachedValid = graph.placeHolder(CACHE_VALID, DataType.FLOAT, -1, m);
    SDVariable present = new StopGradient(graph, h).outputVariable();
    SDVariable allKeys = graph.concat(1, cachedKeys, present);
    SDVariable ids = graph.concat(1, cachedIds, targets.castTo(DataType.FLOAT));
    SDVariable valid = graph.concat(1, cachedValid, graph.onesLike(targets.castTo(
        DataType.FLOAT)));
    SDVariable lambda = graph.nn().sigmoid(graph.var(LAMBDA, Nd4j.scalar(DataType.FLOAT,
        (float) Math.log(INITIAL_LAMBDA / (1 - INITIAL_LAMBDA)))));
    SDVariable theta = graph.nn().softplus(graph.var(THETA, Nd4j.scalar(DataType.FLOAT,
        (float) Math.log(Math.expm1(INITIAL_THETA)))));
    float[] window = new float[t * keys];
    for (int q = 0; q < t; q++) {
      for (int j = q; j < m + q; j++) {
        window[q * keys + j] = 1;
      }
    }
    SDVariable allowed = graph.constant(Nd4j.create(window, new long[] {1, t, keys}, 'c'))
        .mul(valid.reshape(-1, 1, keys));
    SDVariable scores = graph.mmul(h, allKeys, false, true, false).mul(theta);
    SDVariable weights = graph.nn().softmax(scores.add(allowed.sub(1.0).mul(MASKED)), 2)
        .mul(allowed);
    SDVariable match = graph.nn().relu(graph.math().abs(ids.reshape(-1, 1, keys)
        .sub(targets.castTo(DataType.FLOAT).reshape(-1, t, 1))).neg().add(1.0), 0);
    SDVariable pCache = weights.mul(match).sum(2);
    SDVariable mixture = lambda.mul(pCache).add(lambda.rsub(1.0).mul(graph.math().exp(model)));
    return graph.math().log(mixture.add(Float.MIN_NORMAL));
  }

  /** The shape. */
  MicronetLm shape() {
    return shape;
  }

  /** The bits of the inputs of the matrix products; 32 when not quantised. */
  int activationBits() {
    return activationBits;
  }

  /** The bridge's graph of the segment network. */
  SameDiffNetwork network() {
    return network;
  }

  /** The number of trainable weights (positional terms and the cache's two included). */
  long parameterCount() {
    return network.parameterCount();
  }

  /** The cache's current λ, or 0 without a cache. */
  double lambda() {
    return cache ? 1 / (1 + Math.exp(-network.parameter(LAMBDA).getDouble(0))) : 0;
  }

  /** The cache's current θ, or 0 without a cache. */
  double theta() {
    return cache ? Math.log1p(Math.exp(network.parameter(THETA).getDouble(0))) : 0;
  }

  /** Forgets the training segments' memory and cache; the next step starts a fresh stream. */
  void resetState() {
    memory = null;
  }

  /** What one step computed: the loss, the hidden states and the output-side inputs by bin. */
  record StepResult(double loss, INDArray hidden, Map<Integer, INDArray> binInputs) {}

  /**
   * One update of Adam at learning rate {@code rate} on segment {@code tokens} with
   * {@code targets} (both {@code [rows][nSeq]}, the targets the next ids), continuing the
   * stream of the previous step unless {@link #resetState()} was called or the number of rows
   * changed.
   */
  StepResult step(int[][] tokens, int[][] targets, double rate) {
    if (distilling) {
      throw new IllegalStateException("a distilling language model is trained by distillStep");
    }
    Map<Integer, String> binInputs = new LinkedHashMap<>();
    for (int bin = 0; bin < shape.bins(); bin++) {
      binInputs.put(bin, shape.projected(bin)
          ? network.trainingVariable("loss.projections." + bin) : hidden);
    }
    List<String> outputs = new ArrayList<>(binInputs.values());
    outputs.add(LOSS);
    Map<String, INDArray> out = update(feed(tokens, targets), targets, outputs, rate);
    Map<Integer, INDArray> byBin = new LinkedHashMap<>();
    binInputs.forEach((bin, name) -> byBin.put(bin, out.get(name)));
    return new StepResult(out.get(LOSS).getDouble(0), out.get(hidden), byBin);
  }

  /** The losses of a distillation step, computed before its update. */
  record DistillStep(double loss, double nll, double soft) {}

  /**
   * One update of Adam at learning rate {@code rate} of a distilling model on the loss
   * {@code mix·NLL + (1 − mix)·soft}, {@code soft} the cross-entropy against {@code teacher}'s
   * words for this segment, continuing the stream as {@link #step} does.
   */
  DistillStep distillStep(int[][] tokens, int[][] targets, SoftTargets teacher, double mix,
      double rate) {
    if (!distilling) {
      throw new IllegalStateException("a language model built without distillation has no"
          + " soft loss");
    }
    Map<String, INDArray> feed = feed(tokens, targets);
    feed.put(SOFT_WEIGHTS, teacher.dense(targets.length, shape.nSeq(), shape.vocabulary()));
    feed.put(MIX, Nd4j.scalar(DataType.FLOAT, (float) mix));
    Map<String, INDArray> out = update(feed, targets, List.of(DISTILL_LOSS, LOSS, SOFT_LOSS),
        rate);
    return new DistillStep(out.get(DISTILL_LOSS).getDouble(0), out.get(LOSS).getDouble(0),
        out.get(SOFT_LOSS).getDouble(0));
  }

  /**
   * Computes {@code outputs} and the gradients for {@code feed}, clips the gradients to
   * {@link #CLIP}, applies Adam and carries the memory and the cache on.
   */
  private Map<String, INDArray> update(Map<String, INDArray> feed, int[][] targets,
      List<String> outputs, double rate) {
    List<String> wanted = new ArrayList<>(network.memoryOutputs());
    wanted.add(hidden);
    outputs.stream().filter(n -> !wanted.contains(n)).forEach(wanted::add);
    OutAndGrad result = graph.calculateGradientsAndOutputs(feed, wanted, parameters);
    Map<String, INDArray> out = result.getOutputs();
    Map<String, INDArray> gradients = result.getGradients();
    double norm = 0;
    for (INDArray g : gradients.values()) {
      double n = g.norm2Number().doubleValue();
      norm += n * n;
    }
    norm = Math.sqrt(norm);
    if (norm > CLIP) {
      double factor = CLIP / norm;
      gradients.values().forEach(g -> g.muli(factor));
    }
    steps++;
    for (String name : parameters) {
      INDArray w = network.parameter(name);
      INDArray g = gradients.get(name);
      INDArray[] mv = moments.computeIfAbsent(name, n -> new INDArray[] {
          Nd4j.zeros(w.dataType(), w.shape()), Nd4j.zeros(w.dataType(), w.shape())});
      Nd4j.exec(new AdamUpdater(g, mv[1], mv[0], rate, BETA1, BETA2, EPSILON,
          Math.toIntExact(steps - 1)));
      w.subi(g);
    }
    advance(out, targets);
    return out;
  }

  /**
   * A teacher's {@code k} most probable next words of each position of one segment and their
   * probabilities renormalised to sum to 1, positions row by row ({@code row·nSeq + position}),
   * {@code k} entries each, the most probable first.
   */
  record SoftTargets(int k, int[] words, float[] weights) {

    /**
     * The teacher's weights of a segment of {@code rows} rows as {@code [rows, nSeq,
     * vocabulary]}, zero but for each position's top-k words.
     */
    INDArray dense(int rows, int nSeq, int vocabulary) {
      if (words.length != (long) rows * nSeq * k) {
        throw new IllegalArgumentException("soft targets of " + words.length / k
            + " positions do not fit a segment of " + rows + " rows of " + nSeq);
      }
      float[] dense = new float[rows * nSeq * vocabulary];
      for (int i = 0; i < words.length; i++) {
        dense[i / k * vocabulary + words[i]] = weights[i];
      }
      return Nd4j.create(dense, new long[] {rows, nSeq, vocabulary}, 'c');
    }
  }

  /**
   * This model's {@code k} most probable next words (ties: the smaller id) of every position of
   * the first {@code segments} segments of {@code stream} read as {@code rows} rows, the model
   * alone (without the cache), from a fresh memory and cache; the training state is kept.
   */
  List<SoftTargets> topK(int[] stream, int rows, int segments, int k) {
    int vocabulary = shape.vocabulary();
    if (k < 1 || k > vocabulary) {
      throw new IllegalArgumentException("top-k of " + k + " words is not in [1, " + vocabulary
          + "]");
    }
    Batches batches = new Batches(stream, rows, shape.nSeq());
    List<SoftTargets> result = new ArrayList<>();
    List<String> outputs = new ArrayList<>(network.memoryOutputs());
    outputs.add(LOG_PROBS);
    outputs.add(hidden);
    freshState(() -> {
      for (int s = 0; s < Math.min(segments, batches.segments()); s++) {
        int[][] y = batches.targets(s);
        Map<String, INDArray> out = graph.output(feed(batches.inputs(s), y),
            outputs.toArray(String[]::new));
        result.add(topK(out.get(LOG_PROBS).dup('c').data().asFloat(), vocabulary, k));
        advance(out, y);
      }
    });
    return result;
  }

  private static SoftTargets topK(float[] logProbs, int vocabulary, int k) {
    int positions = logProbs.length / vocabulary;
    int[] words = new int[positions * k];
    float[] weights = new float[positions * k];
    long[] keys = new long[vocabulary];
    for (int p = 0; p < positions; p++) {
      for (int w = 0; w < vocabulary; w++) {
        // −log p ≥ 0, whose float bits order as the float does; then the word id
        float negative = Math.max(0f, -logProbs[p * vocabulary + w]);
        keys[w] = (long) Float.floatToIntBits(negative) << 32 | w;
      }
      Arrays.sort(keys);
      double kept = 0;
      for (int i = 0; i < k; i++) {
        int word = (int) keys[i];
        words[p * k + i] = word;
        kept += Math.exp(logProbs[p * vocabulary + word]);
      }
      for (int i = 0; i < k; i++) {
        weights[p * k + i] = (float) (Math.exp(logProbs[p * vocabulary + words[p * k + i]])
            / kept);
      }
    }
    return new SoftTargets(k, words, weights);
  }

  /** Per-position results of a forward pass over a stream. */
  record Scored(int rows, int length, double[] modelLogProb, double[] logProb, float[] hidden,
      int[] targets, int dModel) {

    /** The number of scored tokens. */
    int tokens() {
      return rows * length;
    }

    /** {@code exp} of the mean negative log-probability, the model's alone or mixed. */
    double perplexity(boolean mixed) {
      double sum = 0;
      for (double v : mixed ? logProb : modelLogProb) {
        sum -= v;
      }
      return Math.exp(sum / tokens());
    }
  }

  /**
   * The model's log-probability of every next token of {@code stream} read as {@code rows}
   * parallel rows in segments of {@code nSeq} (a row's last partial segment dropped), with the
   * hidden states, from a fresh memory and cache; the training state is kept.
   */
  Scored score(int[] stream, int rows) {
    Batches batches = new Batches(stream, rows, shape.nSeq());
    int length = batches.segments() * shape.nSeq();
    double[] model = new double[rows * length];
    double[] mixed = new double[rows * length];
    float[] states = new float[rows * length * shape.dModel()];
    int[] targets = new int[rows * length];
    List<String> outputs = new ArrayList<>(network.memoryOutputs());
    outputs.add(MODEL_LOG_PROB);
    outputs.add(LOG_PROB);
    outputs.add(hidden);
    freshState(() -> {
      for (int s = 0; s < batches.segments(); s++) {
        int[][] x = batches.inputs(s);
        int[][] y = batches.targets(s);
        Map<String, INDArray> out = graph.output(feed(x, y), outputs.toArray(String[]::new));
        float[] m = out.get(MODEL_LOG_PROB).dup('c').data().asFloat();
        float[] l = out.get(LOG_PROB).dup('c').data().asFloat();
        float[] h = out.get(hidden).dup('c').data().asFloat();
        int t = shape.nSeq();
        int d = shape.dModel();
        for (int r = 0; r < rows; r++) {
          for (int p = 0; p < t; p++) {
            int at = r * length + s * t + p;
            model[at] = m[r * t + p];
            mixed[at] = l[r * t + p];
            targets[at] = y[r][p];
            System.arraycopy(h, (r * t + p) * d, states, at * d, d);
          }
        }
        advance(out, y);
      }
    });
    return new Scored(rows, length, model, mixed, states, targets, shape.dModel());
  }

  /**
   * The training-mode values of the variables of {@code nodes} (their outputs, fake-quantised
   * where the model quantises them) for one segment {@code tokens} from a fresh memory and
   * cache; the training state is kept.
   */
  Map<String, INDArray> nodeOutputs(int[][] tokens, List<String> nodes) {
    List<String> variables = nodes.stream().map(network::trainingVariable).toList();
    Map<String, INDArray> values = new LinkedHashMap<>();
    freshState(() -> {
      Map<String, INDArray> out = graph.output(feed(tokens, tokens),
          variables.toArray(String[]::new));
      for (int i = 0; i < nodes.size(); i++) {
        values.put(nodes.get(i), out.get(variables.get(i)));
      }
    });
    return values;
  }

  /** Runs {@code pass} from a fresh memory and cache, then restores the training state. */
  private void freshState(Runnable pass) {
    SegmentMemory savedMemory = memory;
    INDArray[] savedCache = {cacheKeys, cacheIds, cacheValid};
    memory = null;
    pass.run();
    memory = savedMemory;
    cacheKeys = savedCache[0];
    cacheIds = savedCache[1];
    cacheValid = savedCache[2];
  }

  private Map<String, INDArray> feed(int[][] tokens, int[][] targets) {
    int rows = tokens.length;
    if (memory == null || memory.placeholders().values().iterator().next().size(0) != rows) {
      memory = network.emptyMemory(rows);
      if (cache) {
        cacheKeys = Nd4j.zeros(DataType.FLOAT, rows, shape.nCache(), shape.dModel());
        cacheIds = Nd4j.zeros(DataType.FLOAT, rows, shape.nCache());
        cacheValid = Nd4j.zeros(DataType.FLOAT, rows, shape.nCache());
      }
    }
    Map<String, INDArray> feed = new HashMap<>(memory.placeholders());
    int t = shape.nSeq();
    for (int bin = 0; bin < shape.bins(); bin++) {
      float[] shifted = new float[rows * t];
      int start = shape.binStart(bin);
      for (int r = 0; r < rows; r++) {
        for (int p = 0; p < t; p++) {
          shifted[r * t + p] = tokens[r][p] - start;
        }
      }
      feed.put("tokens." + bin, Nd4j.create(shifted, new long[] {rows, t}, 'c'));
    }
    feed.put(TARGETS, Nd4j.createFromArray(targets).castTo(DataType.INT32));
    if (cache) {
      feed.put(CACHE_KEYS, cacheKeys);
      feed.put(CACHE_IDS, cacheIds);
      feed.put(CACHE_VALID, cacheValid);
    }
    return feed;
  }

  /** Carries the segment memory and the cache to the next segment. */
  private void advance(Map<String, INDArray> out, int[][] targets) {
    memory = memory.next(out);
    if (cache) {
      int t = shape.nSeq();
      int m = shape.nCache();
      INDArray ids = Nd4j.createFromArray(targets).castTo(DataType.FLOAT);
      cacheKeys = Nd4j.concat(1, cacheKeys, out.get(hidden)).get(NDArrayIndex.all(),
          NDArrayIndex.interval(t, m + t), NDArrayIndex.all()).dup('c');
      cacheIds = Nd4j.concat(1, cacheIds, ids).get(NDArrayIndex.all(),
          NDArrayIndex.interval(t, m + t)).dup('c');
      cacheValid = Nd4j.concat(1, cacheValid, Nd4j.ones(DataType.FLOAT, targets.length, t))
          .get(NDArrayIndex.all(), NDArrayIndex.interval(t, m + t)).dup('c');
    }
  }

  /** A token stream as {@code rows} contiguous rows, cut into segments of {@code length}. */
  static final class Batches {

    private final int[] stream;
    private final int rows;
    private final int rowLength;
    private final int length;

    /**
     * @throws IllegalArgumentException if the stream is too short for one segment per row
     */
    Batches(int[] stream, int rows, int length) {
      this.stream = stream;
      this.rows = rows;
      this.length = length;
      this.rowLength = (stream.length - 1) / rows;
      if (rowLength < length) {
        throw new IllegalArgumentException("a stream of " + stream.length + " tokens is too"
            + " short for " + rows + " rows of at least one segment of " + length);
      }
    }

    /** The number of whole segments in each row. */
    int segments() {
      return rowLength / length;
    }

    /** The input ids of segment {@code s}, {@code [rows][length]}. */
    int[][] inputs(int s) {
      return slice(s, 0);
    }

    /** The target ids of segment {@code s}: each input's next id. */
    int[][] targets(int s) {
      return slice(s, 1);
    }

    private int[][] slice(int s, int offset) {
      int[][] ids = new int[rows][length];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(stream, r * rowLength + s * length + offset, ids[r], 0, length);
      }
      return ids;
    }
  }
}
