package dev.lathe.core.internal.report;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.store.TrialRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code trials.csv}: one row per trial in trial-number order, as RFC 4180 CSV (fields
 * that hold a comma, a double quote or a line break are quoted, quotes doubled; lines end in
 * CRLF).
 *
 * <p>Columns: {@code number, trial_id, status, attempts}, one {@code x.<dimension>} per
 * dimension, one {@code m.<metric>} per metric seen in any trial (empty where a trial lacks it),
 * then {@code failure, started} (ISO-8601), {@code duration_ms, worker}.
 */
final class TrialsCsv {

  private TrialsCsv() {}

  /** Writes the header and one row per trial of {@code analysis} to {@code out}. */
  static void write(TrialAnalysis analysis, Writer out) throws IOException {
    List<String> dimensions = analysis.input().dimensions();
    List<String> metrics = analysis.metricNames();
    List<String> header = new ArrayList<>(List.of("number", "trial_id", "status", "attempts"));
    dimensions.forEach(d -> header.add("x." + d));
    metrics.forEach(m -> header.add("m." + m));
    header.addAll(List.of("failure", "started", "duration_ms", "worker"));
    writeRow(out, header);
    List<String> row = new ArrayList<>(header.size());
    for (TrialRecord trial : analysis.trials()) {
      row.clear();
      row.add(Long.toString(trial.number()));
      row.add(trial.trialId());
      row.add(trial.status().name());
      row.add(Integer.toString(trial.attempts()));
      for (String d : dimensions) {
        Object value = trial.candidate().values().get(d);
        row.add(value == null ? "" : value.toString());
      }
      for (String m : metrics) {
        Optional<Metric> metric = trial.metrics().get(m);
        row.add(metric.isPresent() ? Double.toString(metric.get().value()) : "");
      }
      row.add(trial.failure() == null ? "" : trial.failure());
      row.add(trial.started().toString());
      row.add(Long.toString(trial.duration().toMillis()));
      row.add(trial.worker());
      writeRow(out, row);
    }
  }

  /**
   * {@code field} as one RFC 4180 field: unchanged unless it holds a comma, a double quote, a
   * carriage return or a line feed, else enclosed in double quotes with its quotes doubled.
   */
  static String quote(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }

  private static void writeRow(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(fields.get(i)));
    }
    out.write("\r\n");
  }
}
