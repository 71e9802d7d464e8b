package dev.lathe.core.internal.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.TrialRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical JSON line of a trial record. Field order is fixed; candidate values keep
 * their JSON type (string, integer, real, boolean), so that a record reads back equal.
 *
 * <pre>{"id":"…","n":0,"status":"COMPLETED","attempts":1,"x":{"x1":0.5},
 *  "metrics":{"value":[1.25,"","ANALYTIC"]},"failure":null,
 *  "started":"2026-…Z","ms":0.012,"worker":"local-1"}</pre>
 */
public final class JsonRecordCodec implements RecordCodec {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  @Override
  public byte[] encode(TrialRecord r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", r.trialId());
      g.writeNumberField("n", r.number());
      g.writeStringField("status", r.status().name());
      g.writeNumberField("attempts", r.attempts());
      g.writeObjectFieldStart("x");
      for (Map.Entry<String, Object> e : r.candidate().values().entrySet()) {
        g.writeFieldName(e.getKey());
        writeScalar(g, e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("metrics");
      for (Metric m : r.metrics().all()) {
        g.writeArrayFieldStart(m.name());
        writeDouble(g, m.value());
        g.writeString(m.unit());
        g.writeString(m.origin().name());
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeStringField("failure", r.failure());
      g.writeStringField("started", r.started().toString());
      g.writeNumberField("ms", r.duration().toNanos() / 1e6);
      g.writeStringField("worker", r.worker());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public TrialRecord decode(byte[] json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      Map<String, Object> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.required("x").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(e.getKey(), readScalar(e.getValue()));
      }
      Metrics.Builder metrics = Metrics.builder();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.required("metrics").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode m = e.getValue();
        metrics.add(e.getKey(), readDouble(m.get(0)), m.get(1).asText(),
            Origin.valueOf(m.get(2).asText()));
      }
      JsonNode failure = n.get("failure");
      return new TrialRecord(
          n.required("id").asText(),
          n.required("n").asLong(),
          n.required("attempts").asInt(),
          Candidate.of(values),
          TrialRecord.Status.valueOf(n.required("status").asText()),
          metrics.build(),
          failure == null || failure.isNull() ? null : failure.asText(),
          Instant.parse(n.required("started").asText()),
          Duration.ofNanos(Math.round(n.required("ms").asDouble() * 1e6)),
          n.required("worker").asText());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a trial record: " + e.getMessage(), e);
    }
  }

  private static void writeScalar(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      writeDouble(g, d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  /** Finite doubles as JSON numbers that always carry a point or exponent; others as strings. */
  private static void writeDouble(JsonGenerator g, double d) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumber(Double.toString(d));
    } else {
      g.writeString(Double.toString(d));
    }
  }

  private static Object readScalar(JsonNode v) {
    if (v.isIntegralNumber()) return v.asLong();
    if (v.isNumber()) return v.asDouble();
    if (v.isBoolean()) return v.asBoolean();
    return v.asText();
  }

  private static double readDouble(JsonNode v) {
    return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
  }
}
