package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A SameDiff graph that the training loop can train: the names of its input and label
 * placeholders (first dimension: the examples of a batch), of its output (e.g. logits, for
 * evaluation) and of its scalar loss (the mean over the batch). Every variable of type
 * {@code VARIABLE} is trained; constants and placeholders are not. Buffers are arrays that
 * training changes besides the trainable variables, such as batch normalisation's running
 * statistics: checkpoints save and restore them with the weights. Build one yourself or with
 * {@link Models}.
 *
 * @param graph the graph, whose variables the loop updates in place
 * @param input the placeholder of the features
 * @param labels the placeholder of the labels
 * @param output the variable the model predicts, e.g. logits
 * @param loss the scalar loss variable
 * @param buffers the live arrays that training updates outside the updater, by name (empty for
 *     most models)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrainableModel(SameDiff graph, String input, String labels, String output,
    String loss, Map<String, INDArray> buffers) {

  static {
    Nd4jAccess.open();
  }

  /**
   * Checks that the graph has the four named variables and at least one trainable one, and keeps
   * the buffers' order (not copies of the arrays).
   */
  public TrainableModel {
    Objects.requireNonNull(graph, "graph");
    buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    for (String name : new String[] {input, labels, output, loss}) {
      if (name == null || !graph.hasVariable(name)) {
        throw new IllegalArgumentException("the graph has no variable '" + name + "'; it has "
            + graph.variables().stream().map(SDVariable::name).toList());
      }
    }
    if (graph.getVariable(input).getVariableType() != VariableType.PLACEHOLDER
        || graph.getVariable(labels).getVariableType() != VariableType.PLACEHOLDER) {
      throw new IllegalArgumentException("input '" + input + "' and labels '" + labels
          + "' must be placeholders");
    }
    if (graph.variables().stream().noneMatch(v -> v.getVariableType() == VariableType.VARIABLE)) {
      throw new IllegalArgumentException("the graph has no trainable variable");
    }
  }

  /** A model without buffers. */
  public TrainableModel(SameDiff graph, String input, String labels, String output, String loss) {
    this(graph, input, labels, output, loss, Map.of());
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
}
