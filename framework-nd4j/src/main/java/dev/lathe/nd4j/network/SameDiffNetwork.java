package dev.lathe.nd4j.network;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.MultiHeadAttention;
import dev.lathe.api.model.Network;
import dev.lathe.api.model.Shape;
import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Network} built as a trainable SameDiff graph. Each network input is a {@code FLOAT}
 * placeholder of the input's name with the batch in front ({@code [N, C, H, W]} for an image
 * {@code [C, H, W]}; token ids as floats); each node's output is the variable of the node's name.
 * Parameters are variables named {@code NODE/PARAMETER} in PyTorch's layouts and names
 * ({@code weight} {@code [out, in/g, k…]} of a convolution, {@code weight} {@code [out, in]} of a
 * linear layer, {@code weight} and {@code bias} of a normalisation, …), initialised from the seed
 * as {@code docs/training.md} states, so that the number of trainable weights is the network's
 * {@link Network#parameters()}.
 *
 * <p><b>Modes.</b> Batch normalisation normalises with the batch's statistics in training mode
 * and with its running statistics in inference mode. The graph holds both: every node is built
 * once under its name, used for training; a node whose result depends on the mode (a batch
 * normalisation, and every node after one) is built again, on the same parameters, under
 * {@code NODE/inference}. Every gradient computation on the graph (a training step) updates the
 * running statistics, constants named {@code NODE/running_mean} and {@code NODE/running_var},
 * with PyTorch's momentum 0.1 and the unbiased batch variance. A network without batch
 * normalisation has one variable per node, the same in both modes.
 *
 * <p><b>Segment memory.</b> A self-attention node with a context ({@code contextLength > 1})
 * is causal and recurrent: it attends over a window of that many positions, reaching into the
 * previous segments through the node's memory placeholders, and learns a positional term
 * {@code NODE/position} {@code [contextLength, headDim]} that the layer's
 * {@link dev.lathe.api.model.Layer#weights()} do not count (see {@link SegmentMemory}).
 *
 * <p>The graph is not thread-safe: train or run it from one thread at a time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SameDiffNetwork {

  static {
    Nd4jAccess.open();
  }

  /** The ε added to variances by every normalisation, PyTorch's default. */
  public static final double NORM_EPSILON = 1e-5;
  /** The weight of each batch's statistics in batch normalisation's running statistics. */
  public static final double BATCH_NORM_MOMENTUM = 0.1;

  private final Network network;
  private final SameDiff graph;
  private final Map<String, String> training = new LinkedHashMap<>();
  private final Map<String, String> inference = new LinkedHashMap<>();
  private final Map<String, INDArray> runningStatistics = new TreeMap<>();
  private final Map<String, long[]> memoryShapes = new LinkedHashMap<>();
  private NetworkClassifier classifier;

  private SameDiffNetwork(Network network, SameDiff graph, GraphBuilder builder) {
    this.network = network;
    this.graph = graph;
    builder.trainingVariables().forEach((tensor, variable) -> training.put(tensor,
        variable.name()));
    builder.inferenceVariables().forEach((tensor, variable) -> inference.put(tensor,
        variable.name()));
    for (String node : builder.memoryNodes()) {
      MultiHeadAttention attention = (MultiHeadAttention) network.node(node).layer();
      memoryShapes.put(node, new long[] {attention.heads(), attention.contextLength() - 1,
          attention.headDim()});
    }
    for (RunningStatistics.Entry entry : builder.statistics()) {
      runningStatistics.put(entry.node() + "/running_mean", entry.mean());
      runningStatistics.put(entry.node() + "/running_var", entry.variance());
    }
  }

  /**
   * Builds {@code network} as a SameDiff graph with parameters initialised from {@code seed}.
   *
   * @throws IllegalArgumentException naming the node and its layer kind, if a node's layer is
   *     one the bridge does not build (transposed, dynamic and lightweight convolutions,
   *     cross-attention over a key cache, local pooling over three axes)
   */
  public static SameDiffNetwork build(Network network, long seed) {
    Objects.requireNonNull(network, "network");
    SameDiff graph = SameDiff.create();
    GraphBuilder builder = new GraphBuilder(network, graph, seed);
    builder.build();
    if (!builder.statistics().isEmpty()) {
      graph.addListeners(new RunningStatistics(builder.statistics(), BATCH_NORM_MOMENTUM));
    }
    return new SameDiffNetwork(network, graph, builder);
  }

  /** The network this graph computes. */
  public Network network() {
    return network;
  }

  /** The graph. */
  public SameDiff graph() {
    return graph;
  }

  /**
   * The name of the training-mode variable of the network input or node {@code tensor}: the
   * tensor's own name.
   *
   * @throws NoSuchElementException if the network has no such input or node
   */
  public String trainingVariable(String tensor) {
    return lookUp(training, tensor);
  }

  /**
   * The name of the inference-mode variable of the network input or node {@code tensor}:
   * {@code tensor/inference} where it depends on the mode, else the tensor's own name.
   *
   * @throws NoSuchElementException if the network has no such input or node
   */
  public String inferenceVariable(String tensor) {
    return lookUp(inference, tensor);
  }

  /** Whether some node computes differently in training and in inference mode. */
  public boolean hasModes() {
    return !runningStatistics.isEmpty();
  }

  /** The names of the trainable variables, sorted. */
  public List<String> parameterNames() {
    return graph.variables().stream()
        .filter(v -> v.getVariableType() == VariableType.VARIABLE)
        .map(SDVariable::name)
        .sorted()
        .toList();
  }

  /** The number of trainable weights: the sum of the trainable variables' sizes. */
  public long parameterCount() {
    return parameterNames().stream().mapToLong(n -> graph.getArrForVarName(n).length()).sum();
  }

  /**
   * The values of the trainable variable or running statistic {@code name}, e.g.
   * {@code conv1/weight}: the graph's own array, which training updates and which may be
   * assigned to.
   *
   * @throws NoSuchElementException if there is no such parameter
   */
  public INDArray parameter(String name) {
    INDArray statistic = runningStatistics.get(name);
    if (statistic != null) {
      return statistic;
    }
    SDVariable variable = graph.hasVariable(name) ? graph.getVariable(name) : null;
    if (variable == null || variable.getVariableType() != VariableType.VARIABLE) {
      throw new NoSuchElementException("network '" + network.name() + "' has no parameter '"
          + name + "'; its parameters are " + parameterNames() + " and running statistics "
          + runningStatistics.keySet());
    }
    return variable.getArr();
  }

  /** The attention nodes that carry a {@link SegmentMemory}, in the network's order. */
  public List<String> memoryNodes() {
    return List.copyOf(memoryShapes.keySet());
  }

  /** The memory before the first segment of {@code batch} sequences: every position invalid. */
  public SegmentMemory emptyMemory(int batch) {
    return SegmentMemory.empty(memoryShapes, batch);
  }

  /**
   * The names of the variables that hold every memory node's next memory (training mode), to
   * ask {@code graph().output} for beside the outputs; {@link SegmentMemory#next} reads them.
   */
  public List<String> memoryOutputs() {
    return SegmentMemory.outputs(memoryNodes());
  }

  /** The batch normalisations' running means and variances by name, sorted; empty if none. */
  public Map<String, INDArray> runningStatistics() {
    return Collections.unmodifiableMap(runningStatistics);
  }

  /**
   * The network's outputs in inference mode for {@code inputs}, one array per input name with
   * the batch in front, keyed by the output nodes' names. Memory nodes start from an empty
   * memory.
   *
   * @throws IllegalArgumentException if an input is missing or unknown
   */
  public Map<String, INDArray> predict(Map<String, INDArray> inputs) {
    if (!inputs.keySet().equals(network.inputs().keySet())) {
      throw new IllegalArgumentException("network '" + network.name() + "' takes the inputs "
          + network.inputs().keySet() + ", not " + inputs.keySet());
    }
    List<String> outputs = network.outputs();
    Map<String, INDArray> feed = new LinkedHashMap<>(inputs);
    if (!memoryShapes.isEmpty()) {
      feed.putAll(emptyMemory((int) inputs.values().iterator().next().size(0)).placeholders());
    }
    Map<String, INDArray> values = graph.output(feed,
        outputs.stream().map(this::inferenceVariable).toArray(String[]::new));
    Map<String, INDArray> byNode = new LinkedHashMap<>();
    for (String output : outputs) {
      byNode.put(output, values.get(inferenceVariable(output)));
    }
    return byNode;
  }

  /**
   * This network as a classifier trained on node {@code logits}: adds a placeholder
   * {@value NetworkClassifier#LABELS} for one-hot labels and the loss
   * {@value NetworkClassifier#LOSS}, the softmax cross-entropy of the logits, mean over the
   * batch (and {@code loss/inference} on the inference-mode logits where the modes differ).
   * Asking again for the same node gives the same classifier.
   *
   * @param logits a node of shape {@code [classes]}, before any softmax
   * @throws IllegalArgumentException if the node is not a vector, the network has more than
   *     one input, a classifier on another node exists, or the graph already has the names
   */
  public NetworkClassifier classifier(String logits) {
    if (classifier != null) {
      if (!classifier.logits().equals(logits)) {
        throw new IllegalArgumentException("network '" + network.name()
            + "' is already a classifier on node '" + classifier.logits() + "'");
      }
      return classifier;
    }
    Shape shape = network.node(logits).shape();
    if (shape.rank() != 1) {
      throw new IllegalArgumentException("network '" + network.name() + "': node '" + logits
          + "' has shape " + shape + "; a classifier needs logits [classes]");
    }
    if (network.inputs().size() != 1) {
      throw new IllegalArgumentException("network '" + network.name() + "' has the inputs "
          + network.inputs().keySet() + "; a classifier takes one");
    }
    classifier = NetworkClassifier.create(this, logits, shape.dim(0));
    return classifier;
  }

  private String lookUp(Map<String, String> variables, String tensor) {
    String name = variables.get(tensor);
    if (name == null) {
      throw new NoSuchElementException("network '" + network.name() + "' has no input or node '"
          + tensor + "'");
    }
    return name;
  }
}
