package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A snapshot of a training run: its configuration, its position, the trainable variables' values,
 * the updater's state and the model's buffers (e.g. batch normalisation's running statistics), by
 * name. The graph itself is not included: the code that
 * built the model builds it again, and {@link Trainer#resume} fills it.
 *
 * <p>On disk a checkpoint is a zip file (format version {@value #FORMAT_VERSION}): an entry
 * {@code checkpoint.json} with the format's name ({@code lathe-training-checkpoint}) and version,
 * the configuration, the position and an index of the arrays, and one NumPy {@code .npy} entry per
 * array (C order, little-endian float32, readable with {@code numpy.load}). Every later version
 * of Lathe reads every earlier format version; a file of a newer format is refused with its
 * version. See {@code docs/training.md} for the fields.
 *
 * @param config how the run trains
 * @param position where it stands
 * @param parameters each trainable variable's values, by name (sorted when a trainer made it)
 * @param optimizerState each trainable variable's updater state (e.g. Adam's {@code m} and
 *     {@code v}, SGD's {@code momentum}) by variable name, then by slot name
 * @param buffers the model's {@linkplain TrainableModel#buffers() buffers} by name; empty in a
 *     checkpoint of format version 1, which did not hold them
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Checkpoint(TrainingConfig config, TrainingPosition position,
    Map<String, INDArray> parameters, Map<String, Map<String, INDArray>> optimizerState,
    Map<String, INDArray> buffers) {

  static {
    Nd4jAccess.open();
  }

  /** The version of the format that this Lathe writes; it reads this one and all earlier. */
  public static final int FORMAT_VERSION = 2;

  /** Checks the parts and copies the maps, keeping their order (not the arrays). */
  public Checkpoint {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(position, "position");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Map<String, Map<String, INDArray>> state = new LinkedHashMap<>();
    optimizerState.forEach((name, slots) ->
        state.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(slots))));
    optimizerState = Collections.unmodifiableMap(state);
    buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
  }

  /** A checkpoint of a model without buffers. */
  public Checkpoint(TrainingConfig config, TrainingPosition position,
      Map<String, INDArray> parameters, Map<String, Map<String, INDArray>> optimizerState) {
    this(config, position, parameters, optimizerState, Map.of());
  }

  /**
   * Writes this checkpoint to {@code file}, replacing it atomically: a reader sees the old file
   * or the new one, never a part.
   */
  public void write(Path file) throws IOException {
    CheckpointFormat.write(this, file);
  }

  /**
   * Reads a checkpoint of this or an earlier format version.
   *
   * @throws IOException if the file cannot be read, is not a checkpoint, is of a newer format
   *     version, or is damaged; the message names the file and what is wrong
   */
  public static Checkpoint read(Path file) throws IOException {
    return CheckpointFormat.read(file);
  }
}
