package dev.lathe.nd4j.network;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.Evaluation;
import dev.lathe.nd4j.train.TrainableModel;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A {@link SameDiffNetwork} trained as a classifier: its input, a placeholder of one-hot labels,
 * the logits node and the softmax cross-entropy loss, once in training mode (for the
 * {@link dev.lathe.nd4j.train.Trainer}) and once in inference mode (for evaluation). Both share
 * the graph and its parameters; where the network has no batch normalisation they are the same
 * model.
 *
 * <pre>{@code
 * NetworkClassifier classifier = SameDiffNetwork.build(network, seed).classifier("fc");
 * Trainer trainer = new Trainer(classifier.training(), config)
 *     .evaluateEachEpoch(classifier.accuracy(test, 1000));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NetworkClassifier {

  static {
    Nd4jAccess.open();
  }

  /** The name of the one-hot labels placeholder. */
  public static final String LABELS = "labels";
  /** The name of the training-mode loss. */
  public static final String LOSS = "loss";

  private final SameDiffNetwork network;
  private final String logits;
  private final TrainableModel training;
  private final TrainableModel inference;

  private NetworkClassifier(SameDiffNetwork network, String logits, TrainableModel training,
      TrainableModel inference) {
    this.network = network;
    this.logits = logits;
    this.training = training;
    this.inference = inference;
  }

  static NetworkClassifier create(SameDiffNetwork network, String logits, int classes) {
    SameDiff graph = network.graph();
    String inferenceLoss = LOSS + GraphBuilder.INFERENCE;
    for (String name : new String[] {LABELS, LOSS, inferenceLoss}) {
      if (graph.hasVariable(name)) {
        throw new IllegalArgumentException("network '" + network.network().name()
            + "' cannot be a classifier: its graph already has a variable '" + name + "'");
      }
    }
    String input = network.network().inputs().keySet().iterator().next();
    SDVariable labels = graph.placeHolder(LABELS, DataType.FLOAT, -1, classes);
    String trainingLogits = network.trainingVariable(logits);
    String inferenceLogits = network.inferenceVariable(logits);
    graph.loss().softmaxCrossEntropy(LOSS, labels, graph.getVariable(trainingLogits), null);
    TrainableModel training = new TrainableModel(graph, input, LABELS, trainingLogits, LOSS,
        network.runningStatistics());
    TrainableModel inference = training;
    if (!inferenceLogits.equals(trainingLogits)) {
      graph.loss().softmaxCrossEntropy(inferenceLoss, labels,
          graph.getVariable(inferenceLogits), null);
      inference = new TrainableModel(graph, input, LABELS, inferenceLogits, inferenceLoss,
          network.runningStatistics());
    }
    graph.setLossVariables(LOSS);
    return new NetworkClassifier(network, logits, training, inference);
  }

  /** The network. */
  public SameDiffNetwork network() {
    return network;
  }

  /** The name of the logits node. */
  public String logits() {
    return logits;
  }

  /** The model to train: training-mode logits and loss {@value #LOSS}. */
  public TrainableModel training() {
    return training;
  }

  /** The model to evaluate: inference-mode logits and loss. */
  public TrainableModel inference() {
    return inference;
  }

  /**
   * {@code evaluation} applied to the inference-mode model, whichever model the training loop
   * hands it.
   */
  public Evaluation inInferenceMode(Evaluation evaluation) {
    Objects.requireNonNull(evaluation, "evaluation");
    return model -> evaluation.evaluate(inference);
  }

  /**
   * {@link Evaluation#accuracy(Dataset, int)} of the inference-mode model: {@code accuracy} and
   * {@code loss} on {@code data} in batches of {@code batchSize}.
   */
  public Evaluation accuracy(Dataset data, int batchSize) {
    return inInferenceMode(Evaluation.accuracy(data, batchSize));
  }
}
