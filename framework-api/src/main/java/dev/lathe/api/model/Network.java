package dev.lathe.api.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An immutable, framework-neutral description of a neural network for one sample (shapes
 * exclude the batch): named inputs with their shapes, and a directed acyclic graph of named
 * {@link Node}s in a topological order (the order they were added), each a {@link Layer} with
 * the tensors it reads. Shapes are inferred and checked as nodes are added, so a built network
 * always fits together. Parameters, MACs and activation memory are counted by the conventions
 * of {@link dev.lathe.api.model.cost}; as a {@link Workload} of kind {@code network}, a search
 * space can hand it to an accelerator to cost.
 *
 * <pre>{@code
 * Network net = Network.builder("tiny")
 *     .input("image", Shape.of(3, 32, 32))
 *     .add("conv", Convolution.conv2d(3, 16, 3).withSamePadding().withBias(false))
 *     .add("bn", Normalization.batch(16))
 *     .add("relu", Activation.RELU)
 *     .add("pool", Pooling.globalAvg())
 *     .add("flat", new Flatten())
 *     .add("fc", Linear.of(16, 10))
 *     .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Network implements Workload {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:/\\-]*");

  private final String name;
  private final Map<String, Shape> inputs;
  private final List<Node> nodes;
  private final Map<String, Node> byName;
  private final List<String> outputs;

  private Network(String name, Map<String, Shape> inputs, List<Node> nodes,
      List<String> outputs) {
    this.name = name;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.nodes = List.copyOf(nodes);
    Map<String, Node> index = new LinkedHashMap<>();
    nodes.forEach(n -> index.put(n.name(), n));
    this.byName = Collections.unmodifiableMap(index);
    this.outputs = List.copyOf(outputs);
  }

  /** A builder of a network called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The network's name, e.g. {@code mobilenetv3-large}. */
  public String name() {
    return name;
  }

  /** The inputs and their shapes, in the order they were declared. */
  public Map<String, Shape> inputs() {
    return inputs;
  }

  /** The nodes in a topological order: every node comes after the nodes it reads. */
  public List<Node> nodes() {
    return nodes;
  }

  /**
   * The node called {@code name}.
   *
   * @throws NoSuchElementException if there is none
   */
  public Node node(String name) {
    Node node = byName.get(name);
    if (node == null) {
      throw new NoSuchElementException("network '" + this.name + "' has no node '" + name + "'");
    }
    return node;
  }

  /** The tensors the network produces: the nodes it names as outputs. */
  public List<String> outputs() {
    return outputs;
  }

  /**
   * The shape of the input or node output called {@code tensor}.
   *
   * @throws NoSuchElementException if there is none
   */
  public Shape shape(String tensor) {
    Shape input = inputs.get(tensor);
    return input != null ? input : node(tensor).shape();
  }

  /** The shapes of the tensors that {@code node} reads, in order. */
  public List<Shape> inputShapes(Node node) {
    return node.inputs().stream().map(this::shape).toList();
  }

  /** The number of stored parameters: every node's own, shared weights once. */
  public long parameters() {
    return nodes.stream().mapToLong(Node::parameters).sum();
  }

  /**
   * This network with the attributes that {@code attributes} gives each node, e.g. 8-bit
   * weights everywhere after quantisation.
   */
  public Network withAttributes(Function<? super Node, NodeAttributes> attributes) {
    List<Node> changed = new ArrayList<>();
    for (Node node : nodes) {
      changed.add(node.withAttributes(Objects.requireNonNull(attributes.apply(node),
          "attributes of node '" + node.name() + "'")));
    }
    return new Network(name, inputs, changed, outputs);
  }

  @Override
  public String kind() {
    return "network";
  }

  @Override
  public String toString() {
    return "Network[" + name + ", inputs " + inputs + ", " + nodes.size() + " nodes, outputs "
        + outputs + "]";
  }

  /**
   * Collects inputs and nodes, inferring each node's shape as it is added. Every method that
   * receives something that does not fit throws {@link IllegalArgumentException} with one line
   * naming the network, the node, its layer and the shapes.
   */
  public static final class Builder {

    private final String name;
    private final Map<String, Shape> inputs = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private String last;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a network needs a name");
      }
      this.name = name;
    }

    /** Declares an input of shape {@code shape} (without the batch). */
    public Builder input(String input, Shape shape) {
      checkNew(input);
      inputs.put(input, Objects.requireNonNull(shape, "shape"));
      last = input;
      return this;
    }

    /** Adds node {@code node} computing {@code layer} on the tensor added last. */
    public Builder add(String node, Layer layer) {
      if (last == null) {
        throw fail("node '" + node + "' has nothing to read: declare an input first");
      }
      return add(node, layer, last);
    }

    /** Adds node {@code node} computing {@code layer} on the tensors {@code reads}, in order. */
    public Builder add(String node, Layer layer, String... reads) {
      checkNew(node);
      Objects.requireNonNull(layer, "layer");
      List<Shape> shapes = new ArrayList<>();
      for (String read : reads) {
        if (!exists(read)) {
          throw fail("node '" + node + "' (" + layer.describe() + ") reads '" + read
              + "', which is neither an input nor an earlier node");
        }
        shapes.add(shape(read));
      }
      if (reads.length < layer.minInputs() || reads.length > layer.maxInputs()) {
        throw fail("node '" + node + "' (" + layer.describe() + ") reads " + reads.length
            + " input(s) but takes " + (layer.minInputs() == layer.maxInputs()
                ? "exactly " + layer.minInputs()
                : "at least " + layer.minInputs()));
      }
      Shape out;
      try {
        out = layer.outputShape(shapes);
      } catch (IllegalArgumentException e) {
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < reads.length; i++) {
          read.append(i == 0 ? "" : ", ").append('\'').append(reads[i]).append("' ")
              .append(shapes.get(i));
        }
        throw fail("node '" + node + "' (" + layer.describe() + ") does not fit its input"
            + (reads.length == 1 ? " " : "s ") + read + ": " + e.getMessage());
      }
      nodes.put(node, new Node(node, layer, List.of(reads), out, NodeAttributes.DEFAULT,
          Optional.empty()));
      last = node;
      return this;
    }

    /** Sets the attributes (bit widths, sparsity) of the node {@code node} added before. */
    public Builder attributes(String node, NodeAttributes attributes) {
      Node n = existing(node);
      nodes.put(node, n.withAttributes(Objects.requireNonNull(attributes, "attributes")));
      return this;
    }

    /**
     * Makes node {@code node} use the weight tensor of node {@code owner} (tied input and output
     * embeddings): both must have weight tensors of the same size, and {@code owner} must own
     * its weights.
     */
    public Builder shareWeights(String node, String owner) {
      Node n = existing(node);
      Node o = existing(owner);
      if (node.equals(owner) || o.sharesWeightsWith().isPresent()
          || n.layer().weights() == 0 || n.layer().weights() != o.layer().weights()) {
        throw fail("node '" + node + "' (" + n.layer().describe() + ", " + n.layer().weights()
            + " weights) cannot share the weights of '" + owner + "' (" + o.layer().describe()
            + ", " + o.layer().weights() + " weights" + (o.sharesWeightsWith().isPresent()
                ? ", itself shared" : "") + ")");
      }
      nodes.put(node, new Node(n.name(), n.layer(), n.inputs(), n.shape(), n.attributes(),
          Optional.of(owner)));
      return this;
    }

    /** Names the network's outputs; without this call, the nodes that no node reads. */
    public Builder outputs(String... names) {
      for (String output : names) {
        existing(output);
        outputs.add(output);
      }
      return this;
    }

    /** The name of the input or node added last. */
    public String last() {
      if (last == null) {
        throw fail("nothing added yet");
      }
      return last;
    }

    /** The shape of the input or node {@code tensor} added before. */
    public Shape shape(String tensor) {
      Shape input = inputs.get(tensor);
      if (input != null) {
        return input;
      }
      return existing(tensor).shape();
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if it has no input or no node, or an input that no node
     *     reads
     */
    public Network build() {
      if (inputs.isEmpty() || nodes.isEmpty()) {
        throw fail("a network needs at least one input and one node");
      }
      Set<String> read = new HashSet<>();
      nodes.values().forEach(n -> read.addAll(n.inputs()));
      for (String input : inputs.keySet()) {
        if (!read.contains(input)) {
          throw fail("input '" + input + "' is read by no node");
        }
      }
      List<String> out = outputs.isEmpty()
          ? nodes.keySet().stream().filter(n -> !read.contains(n)).collect(Collectors.toList())
          : outputs;
      return new Network(name, inputs, new ArrayList<>(nodes.values()), out);
    }

    private boolean exists(String tensor) {
      return inputs.containsKey(tensor) || nodes.containsKey(tensor);
    }

    private Node existing(String node) {
      Node n = nodes.get(node);
      if (n == null) {
        throw fail("there is no node '" + node + "'");
      }
      return n;
    }

    private void checkNew(String tensor) {
      if (tensor == null || !NAME.matcher(tensor).matches()) {
        throw fail("name '" + tensor + "' is blank or has characters other than letters,"
            + " digits and _ . : / -");
      }
      if (exists(tensor)) {
        throw fail("name '" + tensor + "' is used twice");
      }
    }

    private IllegalArgumentException fail(String message) {
      return new IllegalArgumentException("network '" + name + "': " + message);
    }
  }
}
