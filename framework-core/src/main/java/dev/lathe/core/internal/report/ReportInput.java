package dev.lathe.core.internal.report;

import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.store.TrialRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a report is made from: an experiment's name, the objectives and constraints it was run
 * against, the names of its space's dimensions, and its trial records in any order.
 *
 * @param experiment the experiment's name, not blank
 * @param objectives at least one objective
 * @param constraints the constraints that feasible trials satisfy; may be empty
 * @param dimensions the space's dimension names, in the space's order
 * @param records the trial records, in any order
 */
public record ReportInput(
    String experiment,
    List<Objective> objectives,
    List<Constraint> constraints,
    List<String> dimensions,
    List<TrialRecord> records) {

  /** Checks and copies the parts. */
  public ReportInput {
    Objects.requireNonNull(experiment, "experiment");
    if (experiment.isBlank()) {
      throw new IllegalArgumentException("a report needs the experiment's name");
    }
    objectives = List.copyOf(objectives);
    constraints = List.copyOf(constraints);
    dimensions = List.copyOf(dimensions);
    records = List.copyOf(records);
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("report of '" + experiment + "' needs an objective");
    }
  }

  /** The input for an experiment that solved {@code problem}. */
  public static ReportInput of(String experiment, Problem problem, List<TrialRecord> records) {
    return new ReportInput(experiment, problem.objectives(), problem.constraints(),
        problem.space().dimensions().stream().map(Dimension::name).toList(), records);
  }

  /** Whether the experiment has more than one objective. */
  public boolean multiObjective() {
    return objectives.size() > 1;
  }
}
