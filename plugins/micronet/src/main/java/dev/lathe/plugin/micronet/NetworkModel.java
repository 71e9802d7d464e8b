package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Node;
import dev.lathe.api.model.NodeAttributes;
import dev.lathe.api.model.Normalization;
import dev.lathe.nd4j.network.NetworkClassifier;
import dev.lathe.nd4j.network.SameDiffNetwork;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A model that this plugin's compressors transform: any {@link Network} (from any network
 * plugin) with the values of its parameters, the bit width of each parameter tensor and of the
 * activations, and the {@link ClassificationTask} it is fine-tuned on. Immutable: compressors
 * return new models. Parameters are named as {@link SameDiffNetwork} names them
 * ({@code NODE/weight}, {@code NODE/bias}).
 */
final class NetworkModel extends StoredModel {

  static {
    openNd4j();
  }

  private final Network network;
  private final ClassificationTask task;
  private final long seed;

  private NetworkModel(Network network, Map<String, INDArray> parameters,
      Map<String, Integer> bits, int activationBits, ClassificationTask task, long seed) {
    super(parameters, bits, activationBits);
    this.network = Objects.requireNonNull(network, "network");
    this.task = Objects.requireNonNull(task, "task");
    this.seed = seed;
  }

  /** Adds this module's read edge to the class path, where ND4J is. */
  static void openNd4j() {
    NetworkModel.class.getModule().addReads(NetworkModel.class.getClassLoader()
        .getUnnamedModule());
  }

  /**
   * {@code network} with parameters initialised from {@code seed} and trained for {@code steps}
   * updates of Adam at learning rate {@code rate} on {@code task}.
   */
  static NetworkModel train(Network network, ClassificationTask task, long seed, int steps,
      double rate) {
    SameDiffNetwork graph = SameDiffNetwork.build(network, seed);
    NetworkClassifier classifier = graph.classifier(task.logits());
    Trainer trainer = new Trainer(classifier.training(), TrainingConfig.of(Updater.adam(),
        new LearningRateSchedule.Constant(rate), task.batchSize(), seed));
    for (int i = 0; i < steps; i++) {
      trainer.step(task.train());
    }
    return of(graph, task, seed);
  }

  /** The model whose parameters are those of {@code graph} now, 32-bit throughout. */
  static NetworkModel of(SameDiffNetwork graph, ClassificationTask task, long seed) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    graph.parameterNames().forEach(name -> values.put(name, graph.parameter(name)));
    return new NetworkModel(graph.network(), values, Map.of(), 32, task, seed);
  }

  @Override
  public NetworkModel with(Map<String, INDArray> values, Map<String, Integer> tensorBits,
      int activations) {
    requireSameParameters(values);
    return new NetworkModel(network, values, tensorBits, activations, task, seed);
  }

  /** This model on another task. */
  NetworkModel with(ClassificationTask other) {
    return new NetworkModel(network, values(), tensorBits(), activationBits(), other, seed);
  }

  /** The network as built; {@link #network()} adds the compression attributes. */
  Network architectureNetwork() {
    return network;
  }

  /**
   * The network with each node's attributes: the sparsity of its weight tensors, the smallest
   * bit width of its parameters and the activations' bit width.
   */
  Network network() {
    return network.withAttributes(node -> {
      long total = 0;
      long zeros = 0;
      int nodeBits = 32;
      for (String name : parameterNames(node)) {
        if (isWeight(name)) {
          total += values().get(name).length();
          zeros += values().get(name).length() - nonzero(name);
        }
        nodeBits = Math.min(nodeBits, bits(name));
      }
      double sparsity = total == 0 ? 0 : Math.min((double) zeros / total, Math.nextDown(1.0));
      return new NodeAttributes(nodeBits, activationBits(), sparsity);
    });
  }

  private List<String> parameterNames(Node node) {
    List<String> names = new ArrayList<>();
    for (String name : values().keySet()) {
      if (name.startsWith(node.name() + "/")) {
        names.add(name);
      }
    }
    return names;
  }

  /** The task it is fine-tuned on. */
  ClassificationTask task() {
    return task;
  }

  /** The seed that its graphs and training derive from. */
  long seed() {
    return seed;
  }

  /**
   * Whether parameter {@code name} is a weight tensor that pruning and quantisation treat as
   * such: two or more axes (kernels, matrices, tables), not a bias or a normalisation's scale.
   */
  @Override
  public boolean isWeight(String name) {
    return values().get(name).rank() >= 2;
  }

  /** Whether parameter {@code name} is the bias of a linear map (not a normalisation's shift). */
  @Override
  public boolean isBias(String name) {
    if (!name.endsWith("/bias") || values().get(name).rank() != 1) {
      return false;
    }
    String node = name.substring(0, name.indexOf('/'));
    return !(network.node(node).layer() instanceof Normalization);
  }

  /**
   * A graph of the network holding this model's parameter values, its nodes' outputs
   * fake-quantised to the activations' bit width when below 32.
   */
  SameDiffNetwork instantiate() {
    SameDiffNetwork graph = SameDiffNetwork.build(network(), seed);
    values().forEach((name, value) -> graph.parameter(name).assign(value));
    return graph;
  }

  /** Softmax probabilities of the classes for {@code features}, in inference mode. */
  INDArray probabilities(INDArray features) {
    SameDiffNetwork graph = instantiate();
    INDArray logits = graph.predict(Map.of(network.inputs().keySet().iterator().next(),
        features)).get(task.logits());
    return Transforms.softmax(logits, true);
  }

  /** Validation {@code loss} and {@code accuracy}. */
  Map<String, Double> validate() {
    SameDiffNetwork graph = instantiate();
    return validate(graph, task);
  }

  /** A graph of this model with its activations at {@code activations} bits, on its task. */
  @Override
  public Session open(int activations) {
    SameDiffNetwork graph = activations == activationBits() ? instantiate()
        : with(values(), tensorBits(), activations).instantiate();
    return new Session() {
      @Override
      public INDArray parameter(String name) {
        return graph.parameter(name);
      }

      @Override
      public Map<String, Double> validate() {
        return NetworkModel.validate(graph, task);
      }

      @Override
      public void fineTune(int steps, double rate, long seed, FineTuning.Hook hook) {
        FineTuning.run(graph, task, steps, rate, seed, hook);
      }
    };
  }

  /** {@code loss} and {@code accuracy} on {@code data}, in inference mode. */
  Map<String, Double> evaluate(Dataset data) {
    NetworkClassifier classifier = instantiate().classifier(task.logits());
    return classifier.accuracy(data, task.batchSize()).evaluate(classifier.inference());
  }

  /** Validation {@code loss} and {@code accuracy} of {@code graph} on {@code task}. */
  static Map<String, Double> validate(SameDiffNetwork graph, ClassificationTask task) {
    NetworkClassifier classifier = graph.classifier(task.logits());
    return classifier.accuracy(task.validation(), task.batchSize())
        .evaluate(classifier.inference());
  }

  @Override
  public String architecture() {
    return network.name();
  }

  @Override
  public String toString() {
    return "NetworkModel[" + architecture() + ", " + parameterCount() + " parameters, "
        + sizeBits() + " bits]";
  }
}
