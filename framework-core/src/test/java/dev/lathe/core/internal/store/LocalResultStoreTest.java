package dev.lathe.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.core.internal.config.SettingsView;
import dev.lathe.core.internal.engine.DefaultPluginContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalResultStoreTest {

  private static final JsonRecordCodec CODEC = new JsonRecordCodec();

  @TempDir
  Path folder;

  private static TrialRecord record(long n) {
    Candidate c = Candidate.of(Map.of("x", n, "name", "trial \"" + n + "\""));
    return new TrialRecord("trial-" + n, n, 1, c, TrialRecord.Status.COMPLETED,
        Metrics.builder().add("value", n * 0.5, "", Origin.ANALYTIC).build(), null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), Duration.ofMillis(n), "local/1");
  }

  private static TrialRecord failed(long n) {
    return new TrialRecord("trial-" + n, n, 2, Candidate.of(Map.of("x", n)),
        TrialRecord.Status.FAILED, Metrics.empty(), "timed out after 10 ms",
        Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(10), "local/2");
  }

  private ResultStore open() throws IOException {
    PluginContext context = new DefaultPluginContext("local",
        new SettingsView("local", "store", List.of(), Map.of(), folder), 1, folder,
        folder.resolve("cache"));
    return new LocalStoreProvider().open(context, CODEC);
  }

  private Path file() {
    return folder.resolve(LocalResultStore.FILE_NAME);
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(file(), StandardCharsets.UTF_8);
  }

  @Test
  void appendsOneCanonicalLinePerRecordAndReadsThemBackInOrder() throws IOException {
    try (ResultStore store = open()) {
      assertEquals("local", store.id());
      for (long n : new long[] {3, 1, 2}) {
        assertTrue(store.append(record(n)));
      }
      assertTrue(store.append(failed(0)));
      assertEquals(List.of(record(3), record(1), record(2), failed(0)), store.readAll());
    }
    List<String> lines = lines();
    assertEquals(4, lines.size());
    assertEquals(new String(CODEC.encode(record(3)), StandardCharsets.UTF_8), lines.get(0));
    assertEquals(new String(CODEC.encode(failed(0)), StandardCharsets.UTF_8), lines.get(3));
  }

  @Test
  void aDuplicateIdIsRefusedAndWritesNothing() throws IOException {
    try (ResultStore store = open()) {
      assertTrue(store.append(record(1)));
      long size = Files.size(file());
      TrialRecord sameId = failed(1);
      assertFalse(store.append(sameId));
      assertFalse(store.append(record(1)));
      assertEquals(size, Files.size(file()));
      assertEquals(List.of(record(1)), store.readAll());
    }
  }

  @Test
  void reopeningKeepsTheRecordsAndTheirIds() throws IOException {
    try (ResultStore store = open()) {
      store.append(record(1));
      store.append(failed(2));
    }
    try (ResultStore store = open()) {
      assertEquals(List.of(record(1), failed(2)), store.readAll());
      assertFalse(store.append(record(2)), "id trial-2 is stored already");
      assertTrue(store.append(record(3)));
    }
    try (ResultStore store = open()) {
      assertEquals(List.of(record(1), failed(2), record(3)), store.readAll());
    }
  }

  @Test
  void aTornLastLineIsCutOnReopenAndTheStoreStaysAppendable() throws IOException {
    try (ResultStore store = open()) {
      store.append(record(1));
      store.append(record(2));
    }
    byte[] intact = Files.readAllBytes(file());
    byte[] half = Arrays.copyOf(CODEC.encode(record(3)), 40);
    Files.write(file(), half, StandardOpenOption.APPEND);
    try (ResultStore store = open()) {
      assertEquals(List.of(record(1), record(2)), store.readAll());
      assertEquals(intact.length, Files.size(file()), "the torn bytes are gone");
      assertTrue(store.append(record(3)), "the torn record was never stored");
    }
    try (ResultStore store = open()) {
      assertEquals(List.of(record(1), record(2), record(3)), store.readAll());
      assertTrue(store.verify().intact());
    }
    assertEquals(3, lines().size());
  }

  @Test
  void aFileHoldingOnlyATornLineOpensEmpty() throws IOException {
    Files.write(file(), "{\"id\":\"tri".getBytes(StandardCharsets.UTF_8));
    try (ResultStore store = open()) {
      assertEquals(List.of(), store.readAll());
      assertEquals(0, Files.size(file()));
      store.append(record(1));
    }
    assertEquals(1, lines().size());
  }

  @Test
  void aCorruptCompleteLineFailsTheReopenNamingFileAndLine() throws IOException {
    try (ResultStore store = open()) {
      store.append(record(1));
    }
    Files.write(file(), "{\"id\":\"broken\"}\n".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    Files.write(file(), (new String(CODEC.encode(record(2)), StandardCharsets.UTF_8) + "\n")
        .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    byte[] before = Files.readAllBytes(file());
    IOException e = assertThrows(IOException.class, this::open);
    assertTrue(e.getMessage().startsWith(file() + ":2: not a trial record: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" in '{\"id\":\"broken\"}'"), e.getMessage());
    assertTrue(Arrays.equals(before, Files.readAllBytes(file())), "nothing is cut or rewritten");
  }

  @Test
  void verifyReportsAnIntactStore() throws IOException {
    try (ResultStore store = open()) {
      store.append(record(1));
      store.append(failed(2));
      Verification v = store.verify();
      assertTrue(v.intact());
      assertEquals(2, v.records());
      assertEquals(file() + ": 2 records, every line decodes, no trial id twice", v.detail());
    }
  }

  @Test
  void verifyReportsATrialStoredTwiceWithItsId() throws IOException {
    String line = new String(CODEC.encode(record(5)), StandardCharsets.UTF_8) + "\n";
    String other = new String(CODEC.encode(record(6)), StandardCharsets.UTF_8) + "\n";
    Files.writeString(file(), line + other + line, StandardCharsets.UTF_8);
    try (ResultStore store = open()) {
      assertEquals(List.of(record(5), record(6)), store.readAll(), "reading deduplicates");
      Verification v = store.verify();
      assertFalse(v.intact());
      assertEquals(3, v.records());
      assertEquals(file() + ": trial trial-5 (number 5) is stored twice", v.detail());
    }
  }

  @Test
  void verifyReportsALineTornWhileOpen() throws IOException {
    try (ResultStore store = open()) {
      store.append(record(1));
      Files.write(file(), "{\"id\"".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
      Verification v = store.verify();
      assertFalse(v.intact());
      assertEquals(file() + ": last line is incomplete (5 bytes without a newline)", v.detail());
    }
  }

  @Test
  void blankLinesAreSkipped() throws IOException {
    String line = new String(CODEC.encode(record(1)), StandardCharsets.UTF_8);
    Files.writeString(file(), "\n" + line + "\n\n", StandardCharsets.UTF_8);
    try (ResultStore store = open()) {
      assertEquals(List.of(record(1)), store.readAll());
    }
  }
}
