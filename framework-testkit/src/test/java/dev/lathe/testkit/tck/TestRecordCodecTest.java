package dev.lathe.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRecordCodecTest {

  private final TestRecordCodec codec = new TestRecordCodec();

  @Test
  void recordsRoundTripOnOneLine() {
    for (TrialRecord r : ResultStoreContract.records(0, 8)) {
      byte[] line = codec.encode(r);
      String text = new String(line, StandardCharsets.UTF_8);
      assertFalse(text.contains("\n"), text);
      assertTrue(text.startsWith("{\"trialId\":\"" + r.trialId() + "\",\"number\":"), text);
      assertEquals(r, codec.decode(line));
    }
  }

  @Test
  void valueTypesAndNonFiniteMetricsSurvive() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("whole_real", 1.0);
    values.put("count", 3L);
    values.put("flag", false);
    values.put("name", "line\nbreak \"quoted\" µ");
    TrialRecord r = new TrialRecord("t-1", 5, 2, Candidate.of(values),
        TrialRecord.Status.COMPLETED, Metrics.builder()
            .add("energy_j", Double.NaN, "J", Origin.SIMULATED)
            .add("latency_ms", Double.NEGATIVE_INFINITY, "ms", Origin.MEASURED).build(),
        null, Instant.parse("2025-01-02T03:04:05.000000006Z"), Duration.ofNanos(7), "w");
    TrialRecord back = codec.decode(codec.encode(r));
    assertEquals(r, back);
    assertEquals(Double.class, back.candidate().get("whole_real").getClass());
    assertEquals(Long.class, back.candidate().get("count").getClass());
    assertEquals(Boolean.class, back.candidate().get("flag").getClass());
    assertTrue(Double.isNaN(back.metrics().value("energy_j")));
  }

  @Test
  void malformedBytesAreRefused() {
    IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
        () -> codec.decode("{\"trialId\":".getBytes(StandardCharsets.UTF_8)));
    assertTrue(notJson.getMessage().startsWith("not an encoded trial record: "), notJson.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> codec.decode("{\"trialId\":\"t\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("not an encoded trial record: field 'candidate' is missing", missing.getMessage());
    IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
        () -> codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("not an encoded trial record: not a JSON object", array.getMessage());
  }
}
