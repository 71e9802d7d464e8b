package dev.lathe.core.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form in which trial attempts go to workers and their outcomes come back: candidate
 * values keep their JSON type (string, integer, real, boolean) so that a candidate and its hash
 * read back equal; metrics travel as {@code [value, unit, origin]} with non-finite values as
 * text. A worker that cannot run a recipe answers with a refusal instead of an outcome.
 */
public final class TrialWire {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialWire() {}

  /** What a worker answered: an outcome, or the reason it refused the attempt. */
  public record Reply(TrialOutcome outcome, String refusal) {

    /** Whether the worker refused to run the attempt. */
    public boolean refused() {
      return refusal != null;
    }
  }

  /** The attempt as JSON. */
  public static byte[] task(TrialTask task) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", task.trialId());
    root.put("n", task.number());
    root.put("attempt", task.attempt());
    ObjectNode x = root.putObject("x");
    for (Map.Entry<String, Object> e : task.candidate().values().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Long l) {
        x.put(e.getKey(), l);
      } else if (v instanceof Double d) {
        putDouble(x, e.getKey(), d);
      } else if (v instanceof Boolean b) {
        x.put(e.getKey(), b);
      } else {
        x.put(e.getKey(), v.toString());
      }
    }
    root.put("seed", task.seed());
    root.put("timeout_ms", task.timeout().toMillis());
    return write(root);
  }

  /** The attempt written by {@link #task(TrialTask)}. */
  public static TrialTask task(byte[] json) {
    JsonNode n = read(json, "trial task");
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.required("x").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      values.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asLong()
          : v.isNumber() ? (Object) v.asDouble()
          : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
    }
    return new TrialTask(n.required("id").asText(), n.required("n").asLong(),
        n.required("attempt").asInt(), Candidate.of(values), n.required("seed").asLong(),
        Duration.ofMillis(n.required("timeout_ms").asLong()));
  }

  /** The outcome as JSON; its task stays with the driver. */
  public static byte[] outcome(TrialOutcome outcome) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode metrics = root.putObject("metrics");
    for (Metric m : outcome.metrics().all()) {
      ArrayNode a = metrics.putArray(m.name());
      if (Double.isFinite(m.value())) {
        a.add(m.value());
      } else {
        a.add(Double.toString(m.value()));
      }
      a.add(m.unit());
      a.add(m.origin().name());
    }
    root.put("failure", outcome.failure());
    root.put("started", outcome.started().toString());
    root.put("ns", outcome.duration().toNanos());
    root.put("worker", outcome.worker());
    return write(root);
  }

  /** A refusal to run an attempt, with its reason. */
  public static byte[] refusal(String reason) {
    ObjectNode root = JSON.createObjectNode();
    root.put("refused", reason);
    return write(root);
  }

  /** The worker's answer to {@code task}. */
  public static Reply reply(TrialTask task, byte[] json) {
    JsonNode n = read(json, "trial outcome");
    JsonNode refused = n.get("refused");
    if (refused != null) {
      return new Reply(null, refused.asText());
    }
    Metrics.Builder metrics = Metrics.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.required("metrics").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode m = e.getValue();
      double value = m.get(0).isTextual() ? Double.parseDouble(m.get(0).asText())
          : m.get(0).asDouble();
      metrics.add(e.getKey(), value, m.get(1).asText(), Origin.valueOf(m.get(2).asText()));
    }
    JsonNode failure = n.get("failure");
    return new Reply(new TrialOutcome(task, metrics.build(),
        failure == null || failure.isNull() ? null : failure.asText(),
        Instant.parse(n.required("started").asText()),
        Duration.ofNanos(n.required("ns").asLong()), n.required("worker").asText()), null);
  }

  private static void putDouble(ObjectNode node, String key, double d) {
    if (Double.isFinite(d)) {
      node.put(key, d);
    } else {
      node.put(key, Double.toString(d));
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static JsonNode read(byte[] json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a " + what + ": " + e.getMessage(), e);
    }
  }
}
