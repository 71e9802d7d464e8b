package dev.lathe.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Optional;

/**
 * The engine's resumable state at a batch boundary: every trial numbered below
 * {@code nextNumber} is final, stored and told to the optimizer, whose state is saved with it.
 * Written to a temporary file and renamed over {@code checkpoint.json}, so a kill leaves
 * either the old checkpoint or the new one.
 *
 * @param nextNumber the number of the next trial to ask for
 * @param elapsedMillis wall time spent in earlier runs of this experiment
 * @param optimizerState the optimizer's checkpoint
 */
record Checkpoint(long nextNumber, long elapsedMillis, byte[] optimizerState) {

  static final String FILE_NAME = "checkpoint.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  void write(Path folder) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", 1);
    n.put("nextNumber", nextNumber);
    n.put("elapsedMillis", elapsedMillis);
    n.put("optimizer", Base64.getEncoder().encodeToString(optimizerState));
    Path tmp = folder.resolve(FILE_NAME + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(n));
    try {
      Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Optional<Checkpoint> read(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
      return Optional.of(new Checkpoint(n.required("nextNumber").asLong(),
          n.required("elapsedMillis").asLong(),
          Base64.getDecoder().decode(n.required("optimizer").asText())));
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }
}
