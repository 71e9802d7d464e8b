package dev.lathe.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRecordCodecTest {

  private static final JsonRecordCodec CODEC = new JsonRecordCodec();
  private static final Instant STARTED = Instant.parse("2026-03-01T12:34:56.123456789Z");

  private static Candidate candidate(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Candidate.of(values);
  }

  private static TrialRecord completed(Candidate c, Metrics m, Duration d) {
    return new TrialRecord("t-" + c.hash(), 7, 1, c, TrialRecord.Status.COMPLETED, m, null,
        STARTED, d, "local/3");
  }

  private static TrialRecord roundTrip(TrialRecord r) {
    byte[] json = CODEC.encode(r);
    for (byte b : json) {
      assertTrue(b != '\n' && b != '\r', "one line: " + new String(json, StandardCharsets.UTF_8));
    }
    return CODEC.decode(json);
  }

  @Test
  void aCompletedRecordReadsBackEqualInEveryField() {
    TrialRecord r = completed(candidate("width", 64L, "lr", 0.001, "act", "relu", "bn", true),
        Metrics.builder().add("acc", 0.875, "", Origin.MEASURED)
            .add("latency_ms", 12.5, "ms", Origin.PREDICTED)
            .add("energy", 3e-6, "J", Origin.SIMULATED)
            .add("macs", 3.0e8, "", Origin.ANALYTIC).build(),
        Duration.ofMillis(1234));
    TrialRecord back = roundTrip(r);
    assertEquals(r, back);
    assertEquals(List.of("width", "lr", "act", "bn"),
        List.copyOf(back.candidate().values().keySet()));
    assertEquals(List.of("acc", "latency_ms", "energy", "macs"),
        List.copyOf(back.metrics().names()));
    assertEquals(r.candidate().hash(), back.candidate().hash());
  }

  @Test
  void theLineHasTheDocumentedFieldsInTheirOrder() {
    TrialRecord r = completed(candidate("x1", 0.5), Metrics.builder()
        .add("value", 1.25, "", Origin.ANALYTIC).build(), Duration.ofNanos(12_000));
    assertEquals("{\"id\":\"t-" + r.candidate().hash() + "\",\"n\":7,\"status\":\"COMPLETED\","
        + "\"attempts\":1,\"x\":{\"x1\":0.5},\"metrics\":{\"value\":[1.25,\"\",\"ANALYTIC\"]},"
        + "\"failure\":null,\"started\":\"2026-03-01T12:34:56.123456789Z\",\"ms\":0.012,"
        + "\"worker\":\"local/3\"}", new String(CODEC.encode(r), StandardCharsets.UTF_8));
  }

  @Test
  void aFailedRecordKeepsItsReasonAndAttempts() {
    TrialRecord r = new TrialRecord("abc", 0, 3, candidate("k", 2L), TrialRecord.Status.FAILED,
        Metrics.empty(),
        "IllegalStateException: diverged (caused by ArithmeticException: / by zero)",
        STARTED, Duration.ofSeconds(2), "local");
    TrialRecord back = roundTrip(r);
    assertEquals(r, back);
    assertFalse(back.completed());
    assertEquals(3, back.attempts());
    assertEquals(0, back.metrics().size());
  }

  @Test
  void candidateValuesKeepTheirTypes() {
    Candidate c = candidate("long", Long.MAX_VALUE, "negative", Long.MIN_VALUE, "zero", 0L,
        "whole_real", 2.0, "tiny", 4.9e-324, "huge", 1.7976931348623157e308, "minus_zero", -0.0,
        "third", 1 / 3.0, "yes", true, "no", false, "number_text", "1", "real_text", "2.5",
        "bool_text", "true", "empty", "");
    Candidate back = roundTrip(completed(c, Metrics.empty(), Duration.ZERO)).candidate();
    assertEquals(c, back);
    assertEquals(c.hash(), back.hash());
    assertEquals(Long.class, back.get("zero").getClass());
    assertEquals(Double.class, back.get("whole_real").getClass());
    assertEquals(String.class, back.get("number_text").getClass());
    assertEquals(String.class, back.get("bool_text").getClass());
    assertEquals(Boolean.class, back.get("no").getClass());
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(back.getDouble("minus_zero")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"hi\"", "C:\\temp\\x", "two\nlines\r\n", "tab\there",
      "größe – 深度 – 🚀", "\u0000\u001f", "</script>", "{\"x\":1}"})
  void stringsSurviveEscaping(String text) {
    TrialRecord r = new TrialRecord("id " + text, 1, 2, candidate("s", text),
        TrialRecord.Status.FAILED, Metrics.empty(), "failed: " + text, STARTED, Duration.ZERO,
        "worker " + text);
    TrialRecord back = roundTrip(r);
    assertEquals(r, back);
    assertEquals(text, back.candidate().get("s"));
  }

  @Test
  void metricValuesSurviveIncludingNonFiniteOnes() {
    double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1 / 3.0, 123456789.0};
    Metrics.Builder b = Metrics.builder();
    for (int i = 0; i < values.length; i++) {
      b.add("m" + i, values[i], "u" + i, Origin.values()[i % 4]);
    }
    Metrics metrics = b.build();
    Metrics back = roundTrip(completed(candidate("x", 1L), metrics, Duration.ZERO)).metrics();
    assertEquals(metrics, back);
    for (int i = 0; i < values.length; i++) {
      Metric m = back.get("m" + i).orElseThrow();
      assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(m.value()),
          "bits of m" + i + " = " + values[i]);
      assertEquals("u" + i, m.unit());
      assertEquals(Origin.values()[i % 4], m.origin());
    }
  }

  /**
   * {@code ms} is a double of milliseconds: the duration in nanoseconds divided by 10^6. It keeps
   * every nanosecond of durations up to at least 10^15 ns (11.5 days); this checks it there.
   */
  @Test
  void durationsKeepEveryNanosecondUpToElevenDays() {
    long[] nanos = {0, 1, 999, 1_000, 123_456_789, 999_999_999, 1_000_000_001,
        86_400_000_000_001L, 3 * 86_400_000_000_000L + 7, 999_999_999_999_999L,
        1_000_000_000_000_000L};
    for (long n : nanos) {
      Duration d = Duration.ofNanos(n);
      assertEquals(d, roundTrip(completed(candidate("x", 1L), Metrics.empty(), d)).duration(),
          n + " ns");
    }
  }

  @Test
  void startKeepsItsNanoseconds() {
    assertEquals(STARTED, roundTrip(completed(candidate("x", 1L), Metrics.empty(), Duration.ZERO))
        .started());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "{", "[]", "{\"id\":\"a\"}", "null",
      "{\"id\":\"a\",\"n\":0,\"status\":\"DONE\",\"attempts\":1,\"x\":{},\"metrics\":{},"
          + "\"failure\":null,\"started\":\"2026-03-01T00:00:00Z\",\"ms\":1,\"worker\":\"w\"}",
      "{\"id\":\"a\",\"n\":0,\"status\":\"FAILED\",\"attempts\":1,\"x\":{},\"metrics\":{},"
          + "\"failure\":null,\"started\":\"2026-03-01T00:00:00Z\",\"ms\":1,\"worker\":\"w\"}",
      "{\"id\":\"a\",\"n\":0,\"status\":\"COMPLETED\",\"attempts\":1,\"x\":{},\"metrics\":{},"
          + "\"failure\":null,\"started\":\"yesterday\",\"ms\":1,\"worker\":\"w\"}",
      "{\"id\":\"a\",\"n\":0,\"status\":\"COMPLETED\",\"attempts\":1,\"x\":{},"
          + "\"metrics\":{\"m\":[1,\"\",\"GUESSED\"]},"
          + "\"failure\":null,\"started\":\"2026-03-01T00:00:00Z\",\"ms\":1,\"worker\":\"w\"}"})
  void garbageIsRefusedWithAMessage(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CODEC.decode(text.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("not a trial record: "), e.getMessage());
    assertTrue(e.getMessage().length() > "not a trial record: ".length(), e.getMessage());
  }
}
