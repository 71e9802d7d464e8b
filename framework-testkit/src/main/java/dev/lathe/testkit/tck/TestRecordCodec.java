package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A {@link RecordCodec} for testing result stores outside the kernel: each record as one line
 * of UTF-8 JSON (Jackson's tree model), fields in a fixed order, candidate values keeping their
 * types, non-finite metric values written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, instants and durations in ISO-8601. Decoding what it encoded gives an
 * equal record.
 *
 * <p>It is not the kernel's codec (which lives in the kernel's internals); a store must treat
 * the bytes as opaque, so any codec exercises it the same way.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestRecordCodec implements RecordCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A codec; instances share nothing mutable and may be used from several threads. */
  public TestRecordCodec() {}

  @Override
  public byte[] encode(TrialRecord record) {
    ObjectNode root = JSON.createObjectNode();
    root.put("trialId", record.trialId());
    root.put("number", record.number());
    root.put("attempts", record.attempts());
    ObjectNode candidate = root.putObject("candidate");
    record.candidate().values().forEach((name, value) -> putValue(candidate, name, value));
    root.put("status", record.status().name());
    ArrayNode metrics = root.putArray("metrics");
    for (Metric m : record.metrics().all()) {
      ObjectNode node = metrics.addObject();
      node.put("name", m.name());
      if (Double.isFinite(m.value())) {
        node.put("value", m.value());
      } else {
        node.put("value", Double.toString(m.value()));
      }
      node.put("unit", m.unit());
      node.put("origin", m.origin().name());
    }
    if (record.failure() == null) {
      root.putNull("failure");
    } else {
      root.put("failure", record.failure());
    }
    root.put("started", record.started().toString());
    root.put("duration", record.duration().toString());
    root.put("worker", record.worker());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode trial record " + record.trialId(), e);
    }
  }

  @Override
  public TrialRecord decode(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an encoded trial record: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not an encoded trial record: not a JSON object");
    }
    try {
      Map<String, Object> values = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = field(root, "candidate").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        values.put(e.getKey(), value(e.getKey(), e.getValue()));
      }
      Metrics.Builder metrics = Metrics.builder();
      for (JsonNode m : field(root, "metrics")) {
        JsonNode v = field(m, "value");
        double value = v.isTextual() ? Double.parseDouble(v.textValue()) : v.doubleValue();
        metrics.add(new Metric(field(m, "name").asText(), value, field(m, "unit").asText(),
            Origin.valueOf(field(m, "origin").asText())));
      }
      JsonNode failure = field(root, "failure");
      return new TrialRecord(
          field(root, "trialId").asText(),
          field(root, "number").longValue(),
          field(root, "attempts").intValue(),
          Candidate.of(values),
          TrialRecord.Status.valueOf(field(root, "status").asText()),
          metrics.build(),
          failure.isNull() ? null : failure.asText(),
          Instant.parse(field(root, "started").asText()),
          Duration.parse(field(root, "duration").asText()),
          field(root, "worker").asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an encoded trial record: " + e.getMessage(), e);
    }
  }

  private static void putValue(ObjectNode node, String name, Object value) {
    if (value instanceof Long l) {
      node.put(name, l);
    } else if (value instanceof Double d) {
      node.put(name, d);
    } else if (value instanceof Boolean b) {
      node.put(name, b);
    } else {
      node.put(name, (String) value);
    }
  }

  private static Object value(String name, JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isFloatingPointNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    throw new IllegalArgumentException("candidate value of '" + name + "' is " + node);
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return value;
  }
}
