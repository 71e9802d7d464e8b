package dev.lathe.core.internal.report;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Summary} as {@code summary.md}, a Markdown page for people. */
final class SummaryMarkdown {

  /** How many front trials the page lists; {@code summary.json} lists them all. */
  static final int FRONT_ROWS = 50;

  private SummaryMarkdown() {}

  /** The Markdown page of {@code summary}. */
  static String render(Summary summary) {
    ReportInput input = summary.input();
    Map<String, String> units = summary.metrics().stream()
        .collect(Collectors.toMap(MetricStatistics::name, MetricStatistics::unit));
    StringBuilder md = new StringBuilder();
    md.append("# Report: ").append(cell(input.experiment())).append("\n\n");
    md.append("Objectives: ").append(input.objectives().stream()
        .map(o -> o.direction().name().toLowerCase(Locale.ROOT) + " `" + o.metric() + "`"
            + unitSuffix(units.getOrDefault(o.metric(), "")))
        .collect(Collectors.joining(", "))).append(".  \n");
    md.append("Constraints: ").append(input.constraints().isEmpty() ? "none"
        : input.constraints().stream().map(Constraint::toString).map(c -> "`" + c + "`")
            .collect(Collectors.joining(", "))).append(".\n\n");
    counts(md, summary.counts());
    if (input.multiObjective()) {
      summary.front().ifPresent(front -> front(md, front, summary.counts(), input, units));
    } else {
      best(md, summary, units);
    }
    metrics(md, summary.metrics());
    failures(md, summary.failures());
    return md.toString();
  }

  private static void counts(StringBuilder md, Counts c) {
    md.append("## Trials\n\n")
        .append("| total | completed | failed | infeasible | unscored | feasible |\n")
        .append("|---:|---:|---:|---:|---:|---:|\n")
        .append("| ").append(c.total()).append(" | ").append(c.completed())
        .append(" | ").append(c.failed()).append(" | ").append(c.infeasible())
        .append(" | ").append(c.unscored()).append(" | ").append(c.feasible()).append(" |\n\n")
        .append("Infeasible trials violate a constraint; unscored trials lack a finite value for")
        .append(" an objective. Neither counts for the best trial or the front.\n\n");
  }

  private static void best(StringBuilder md, Summary summary, Map<String, String> units) {
    md.append("## Best trial\n\n");
    if (summary.best().isEmpty()) {
      md.append("No feasible trial.\n\n");
      return;
    }
    BestTrial best = summary.best().get();
    TrialRecord trial = best.trial();
    Objective objective = summary.input().objectives().get(0);
    md.append("Trial ").append(trial.number()).append(" (`").append(trial.trialId())
        .append("`): `").append(objective.metric()).append("` = ")
        .append(Decimals.format(best.value()))
        .append(unitSuffix(units.getOrDefault(objective.metric(), "")))
        .append(". The best-so-far curve improved ").append(best.improvements())
        .append(best.improvements() == 1 ? " time" : " times")
        .append(" and ends at ").append(Decimals.format(best.bestSoFarFinal())).append(".\n\n");
    md.append("| dimension | value |\n|---|---|\n");
    trial.candidate().values().forEach((name, value) ->
        md.append("| ").append(cell(name)).append(" | ").append(cell(String.valueOf(value)))
            .append(" |\n"));
    md.append("\n| metric | value | unit | origin |\n|---|---:|---|---|\n");
    for (Metric m : trial.metrics().all()) {
      md.append("| ").append(m.name()).append(" | ").append(Decimals.format(m.value()))
          .append(" | ").append(cell(m.unit())).append(" | ")
          .append(m.origin().name().toLowerCase(Locale.ROOT)).append(" |\n");
    }
    md.append('\n');
  }

  private static void front(StringBuilder md, Front front, Counts counts, ReportInput input,
      Map<String, String> units) {
    List<Objective> objectives = input.objectives();
    md.append("## Pareto front\n\n");
    if (front.points().isEmpty()) {
      md.append("No feasible trial.\n\n");
      return;
    }
    md.append(front.points().size()).append(" of ").append(counts.feasible())
        .append(" feasible trials are on the front. ");
    StringBuilder reference = new StringBuilder();
    for (int k = 0; k < objectives.size(); k++) {
      reference.append(k == 0 ? "" : ", ").append('`').append(objectives.get(k).metric())
          .append("` = ").append(Decimals.format(front.reference().get(k)));
    }
    if (front.hypervolume().isPresent()) {
      md.append("Hypervolume: ").append(Decimals.format(front.hypervolume().getAsDouble()))
          .append(", with respect to the reference point (").append(reference).append(").");
    } else {
      md.append("Hypervolume: not computed (exact hypervolume is computed for two objectives")
          .append(" only). Reference point: (").append(reference).append(").");
    }
    md.append(" The reference point is ").append(Summary.REFERENCE_RULE).append(".\n\n");
    md.append("| trial | trial id |");
    for (Objective o : objectives) {
      md.append(' ').append(o.metric()).append(unitSuffix(units.getOrDefault(o.metric(), "")))
          .append(" |");
    }
    md.append("\n|---:|---|").append("---:|".repeat(objectives.size())).append('\n');
    for (FrontPoint p : front.points().subList(0, Math.min(FRONT_ROWS, front.points().size()))) {
      md.append("| ").append(p.number()).append(" | `").append(p.trialId()).append("` |");
      p.values().forEach(v -> md.append(' ').append(Decimals.format(v)).append(" |"));
      md.append('\n');
    }
    if (front.points().size() > FRONT_ROWS) {
      md.append("\nThe other ").append(front.points().size() - FRONT_ROWS)
          .append(" front trials are listed in `summary.json`.\n");
    }
    md.append('\n');
  }

  private static void metrics(StringBuilder md, List<MetricStatistics> metrics) {
    md.append("## Metrics\n\n");
    if (metrics.isEmpty()) {
      md.append("No trial reported a metric.\n\n");
      return;
    }
    md.append("Over the completed trials, NaN values left out.\n\n")
        .append("| metric | unit | origin | count | min | median | max |\n")
        .append("|---|---|---|---:|---:|---:|---:|\n");
    for (MetricStatistics m : metrics) {
      md.append("| ").append(m.name()).append(" | ").append(cell(m.unit())).append(" | ")
          .append(m.origins().stream().map(o -> o.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")))
          .append(" | ").append(m.count())
          .append(" | ").append(Decimals.format(m.min()))
          .append(" | ").append(Decimals.format(m.median()))
          .append(" | ").append(Decimals.format(m.max())).append(" |\n");
    }
    md.append('\n');
  }

  private static void failures(StringBuilder md, List<FailureGroup> failures) {
    md.append("## Failures\n\n");
    if (failures.isEmpty()) {
      md.append("No trial failed.\n");
      return;
    }
    md.append("| count | reason (first line) | first trial |\n|---:|---|---:|\n");
    for (FailureGroup f : failures) {
      md.append("| ").append(f.count()).append(" | ").append(cell(f.reason())).append(" | ")
          .append(f.firstTrial()).append(" |\n");
    }
  }

  private static String unitSuffix(String unit) {
    return unit.isEmpty() ? "" : " [" + cell(unit) + "]";
  }

  /** Text made safe for one Markdown table cell: no line breaks, pipes escaped. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
  }
}
