package dev.lathe.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private Path file() {
    return folder.resolve(EventLog.FILE_NAME);
  }

  private List<JsonNode> events() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void writesOneJsonObjectPerLineWithTimeEventAndFieldsInOrder() throws IOException {
    Instant before = Instant.now();
    try (EventLog log = EventLog.open(folder)) {
      log.write("start", "trials", 60, "seed", 7L, "rate", 0.25, "resumed", false,
          "store", "local \"x\"\n", "reason", null);
      log.write("stop");
    }
    Instant after = Instant.now();
    byte[] bytes = Files.readAllBytes(file());
    assertEquals('\n', bytes[bytes.length - 1]);
    List<JsonNode> events = events();
    assertEquals(2, events.size());
    JsonNode start = events.get(0);
    List<String> names = new ArrayList<>();
    start.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("t", "event", "trials", "seed", "rate", "resumed", "store", "reason"),
        names);
    Instant t = Instant.parse(start.get("t").asText());
    assertTrue(!t.isBefore(before) && !t.isAfter(after), t + " within the test");
    assertEquals("start", start.get("event").asText());
    assertTrue(start.get("trials").isIntegralNumber());
    assertEquals(60, start.get("trials").asLong());
    assertEquals(7, start.get("seed").asLong());
    assertTrue(start.get("rate").isDouble());
    assertEquals(0.25, start.get("rate").asDouble());
    assertTrue(start.get("resumed").isBoolean());
    assertEquals(false, start.get("resumed").asBoolean());
    assertEquals("local \"x\"\n", start.get("store").asText());
    assertTrue(start.get("reason").isNull());
    assertEquals("stop", events.get(1).get("event").asText());
    assertEquals(2, events.get(1).size());
  }

  @Test
  void otherValuesAreWrittenAsText() throws IOException {
    try (EventLog log = EventLog.open(folder)) {
      log.write("timing", "elapsed", Duration.ofSeconds(90), "folder", Path.of("a", "b"),
          "small", 1.5f);
    }
    JsonNode e = events().get(0);
    assertEquals("PT1M30S", e.get("elapsed").asText());
    assertEquals(Path.of("a", "b").toString(), e.get("folder").asText());
    assertEquals(1.5, e.get("small").asDouble());
  }

  @Test
  void reopeningAppends() throws IOException {
    try (EventLog log = EventLog.open(folder)) {
      log.write("first");
    }
    try (EventLog log = EventLog.open(folder)) {
      log.write("second");
    }
    assertEquals(List.of("first", "second"),
        events().stream().map(e -> e.get("event").asText()).toList());
  }

  @Test
  void aTornLastLineIsCutOnReopen() throws IOException {
    try (EventLog log = EventLog.open(folder)) {
      log.write("first", "n", 1);
      log.write("second", "n", 2);
    }
    long intact = Files.size(file());
    Files.write(file(), "{\"t\":\"2026-01-01T00:00:00Z\",\"event\":\"thi"
        .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (EventLog log = EventLog.open(folder)) {
      assertEquals(intact, Files.size(file()));
      log.write("third", "n", 3);
    }
    List<JsonNode> events = events();
    assertEquals(List.of("first", "second", "third"),
        events.stream().map(e -> e.get("event").asText()).toList());
    assertEquals(3, events.get(2).get("n").asLong());
  }

  @Test
  void aFileOfOnlyATornLineIsEmptiedOnReopen() throws IOException {
    Files.write(file(), "{\"t\":".getBytes(StandardCharsets.UTF_8));
    try (EventLog log = EventLog.open(folder)) {
      assertEquals(0, Files.size(file()));
      log.write("only");
    }
    assertEquals(1, events().size());
  }

  @Test
  void concurrentWritersNeverInterleaveLines() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (EventLog log = EventLog.open(folder)) {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        pool.execute(() -> {
          for (int i = 0; i < 250; i++) {
            log.write("tick", "thread", thread, "i", i, "pad", "x".repeat(200));
          }
        });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    List<JsonNode> events = events();
    assertEquals(1000, events.size());
    for (int t = 0; t < 4; t++) {
      int thread = t;
      assertEquals(250, events.stream().filter(e -> e.get("thread").asInt() == thread).count());
    }
  }

  @Test
  void withoutAFolderEventsAreDiscarded() throws IOException {
    try (EventLog log = EventLog.open(null)) {
      log.write("ignored", "n", 1);
    }
    assertEquals(0, Files.list(folder).count());
  }
}
