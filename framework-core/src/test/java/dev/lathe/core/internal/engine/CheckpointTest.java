package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

  @TempDir
  Path folder;

  private Path file() {
    return folder.resolve(Checkpoint.FILE_NAME);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void noFileMeansNoCheckpoint() throws IOException {
    assertEquals(Optional.empty(), Checkpoint.read(folder));
  }

  @Test
  void readsBackWhatWasWritten() throws IOException {
    byte[] state = new byte[256];
    for (int i = 0; i < state.length; i++) {
      state[i] = (byte) i;
    }
    new Checkpoint(42, 123_456_789_012L, state).write(folder);
    Checkpoint back = Checkpoint.read(folder).orElseThrow();
    assertEquals(42, back.nextNumber());
    assertEquals(123_456_789_012L, back.elapsedMillis());
    assertArrayEquals(state, back.optimizerState());
    JsonNode json = new ObjectMapper().readTree(file().toFile());
    assertEquals(1, json.get("format").asInt());
    assertEquals(42, json.get("nextNumber").asLong());
  }

  @Test
  void anEmptyOptimizerStateSurvives() throws IOException {
    new Checkpoint(0, 0, new byte[0]).write(folder);
    assertArrayEquals(new byte[0], Checkpoint.read(folder).orElseThrow().optimizerState());
  }

  @Test
  void aNewCheckpointReplacesTheOldOneAndLeavesNoTemporaryFile() throws IOException {
    new Checkpoint(10, 1_000, new byte[] {1, 2, 3}).write(folder);
    new Checkpoint(20, 2_000, new byte[] {4}).write(folder);
    Checkpoint back = Checkpoint.read(folder).orElseThrow();
    assertEquals(20, back.nextNumber());
    assertEquals(2_000, back.elapsedMillis());
    assertArrayEquals(new byte[] {4}, back.optimizerState());
    assertEquals(List.of(Checkpoint.FILE_NAME), names());
  }

  @Test
  void aStaleTemporaryFileFromAKillIsOverwritten() throws IOException {
    Files.writeString(folder.resolve(Checkpoint.FILE_NAME + ".tmp"), "{\"half");
    new Checkpoint(5, 50, new byte[] {9}).write(folder);
    assertEquals(5, Checkpoint.read(folder).orElseThrow().nextNumber());
    assertEquals(List.of(Checkpoint.FILE_NAME), names());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"format\":1,\"nextNumber\":4", "not json", "null", "[]",
      "{\"format\":1,\"nextNumber\":4,\"elapsedMillis\":1}",
      "{\"format\":1,\"nextNumber\":4,\"elapsedMillis\":1,\"optimizer\":\"***\"}"})
  void aDamagedFileIsReportedNamingIt(String content) throws IOException {
    Files.writeString(file(), content, StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> Checkpoint.read(folder));
    assertTrue(e.getMessage().startsWith(file() + " is damaged: "), e.getMessage());
  }
}
