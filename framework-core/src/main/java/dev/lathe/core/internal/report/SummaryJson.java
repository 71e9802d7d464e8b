package dev.lathe.core.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.metric.Metric;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.internal.report.Summary.BestTrial;
import dev.lathe.core.internal.report.Summary.Counts;
import dev.lathe.core.internal.report.Summary.FailureGroup;
import dev.lathe.core.internal.report.Summary.Front;
import dev.lathe.core.internal.report.Summary.FrontPoint;
import dev.lathe.core.internal.report.Summary.MetricStatistics;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Summary} as {@code summary.json}: snake_case keys, objectives and origins in
 * lower case, non-finite numbers as the strings {@code "NaN"} and {@code "Infinity"}.
 */
final class SummaryJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /** Writes {@code summary} to {@code out} as one JSON object. */
  static void write(Summary summary, OutputStream out) throws IOException {
    MAPPER.writeValue(out, tree(summary));
  }

  /** The JSON object of {@code summary}. */
  static ObjectNode tree(Summary summary) {
    ReportInput input = summary.input();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("experiment", input.experiment());
    ArrayNode objectives = root.putArray("objectives");
    for (Objective o : input.objectives()) {
      objectives.addObject()
          .put("metric", o.metric())
          .put("direction", o.direction().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode constraints = root.putArray("constraints");
    for (Constraint c : input.constraints()) {
      constraints.add(c.toString());
    }
    counts(root.putObject("counts"), summary.counts());
    summary.best().ifPresent(best -> best(root, best));
    summary.front().ifPresent(front -> front(root.putObject("pareto_front"), front, input));
    ObjectNode metrics = root.putObject("metrics");
    for (MetricStatistics m : summary.metrics()) {
      ObjectNode node = metrics.putObject(m.name());
      node.put("unit", m.unit());
      ArrayNode origins = node.putArray("origins");
      m.origins().forEach(o -> origins.add(o.name().toLowerCase(Locale.ROOT)));
      node.put("count", m.count());
      node.put("min", m.min());
      node.put("median", m.median());
      node.put("max", m.max());
    }
    ArrayNode failures = root.putArray("failures");
    for (FailureGroup f : summary.failures()) {
      failures.addObject()
          .put("reason", f.reason())
          .put("count", f.count())
          .put("first_trial", f.firstTrial());
    }
    return root;
  }

  private static void counts(ObjectNode node, Counts counts) {
    node.put("total", counts.total());
    node.put("completed", counts.completed());
    node.put("failed", counts.failed());
    node.put("infeasible", counts.infeasible());
    node.put("unscored", counts.unscored());
    node.put("feasible", counts.feasible());
  }

  private static void best(ObjectNode root, BestTrial best) {
    TrialRecord trial = best.trial();
    ObjectNode node = root.putObject("best");
    node.put("number", trial.number());
    node.put("trial_id", trial.trialId());
    node.put("value", best.value());
    ObjectNode candidate = node.putObject("candidate");
    for (Map.Entry<String, Object> e : trial.candidate().values().entrySet()) {
      if (e.getValue() instanceof Long l) {
        candidate.put(e.getKey(), l);
      } else if (e.getValue() instanceof Double d) {
        candidate.put(e.getKey(), d);
      } else if (e.getValue() instanceof Boolean b) {
        candidate.put(e.getKey(), b);
      } else {
        candidate.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    ObjectNode metrics = node.putObject("metrics");
    for (Metric m : trial.metrics().all()) {
      metrics.putObject(m.name())
          .put("value", m.value())
          .put("unit", m.unit())
          .put("origin", m.origin().name().toLowerCase(Locale.ROOT));
    }
    root.putObject("best_so_far")
        .put("final", best.bestSoFarFinal())
        .put("improvements", best.improvements());
  }

  private static void front(ObjectNode node, Front front, ReportInput input) {
    List<Objective> objectives = input.objectives();
    if (!front.reference().isEmpty()) {
      ObjectNode reference = node.putObject("reference_point");
      for (int k = 0; k < objectives.size(); k++) {
        reference.put(objectives.get(k).metric(), front.reference().get(k));
      }
    }
    node.put("reference_rule", Summary.REFERENCE_RULE);
    if (front.hypervolume().isPresent()) {
      node.put("hypervolume", front.hypervolume().getAsDouble());
    } else {
      node.putNull("hypervolume");
      if (objectives.size() > 2) {
        node.put("hypervolume_note", "exact hypervolume is computed for two objectives only");
      }
    }
    ArrayNode trials = node.putArray("trials");
    for (FrontPoint p : front.points()) {
      ObjectNode point = trials.addObject();
      point.put("number", p.number());
      point.put("trial_id", p.trialId());
      ObjectNode values = point.putObject("values");
      for (int k = 0; k < objectives.size(); k++) {
        values.put(objectives.get(k).metric(), p.values().get(k));
      }
    }
  }
}
