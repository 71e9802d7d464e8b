package dev.lathe.core.internal.cli;

import dev.lathe.api.metric.Metric;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the end of an experiment: where its results are and what it found. */
final class Outcome {

  private Outcome() {}

  /** Progress on standard error, or nothing when {@code quiet}. */
  static ExperimentListener progress(CommandSpec spec, boolean quiet) {
    return quiet ? new ExperimentListener() {}
        : new ProgressPrinter(spec.commandLine().getErr(), System.console() != null);
  }

  /** Prints the summary; exit code 4 when no trial completed. */
  static int print(CommandSpec spec, ExperimentResult r) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Experiment '" + r.name() + "' stopped (" + r.stopReason().name().toLowerCase(
        Locale.ROOT) + "): " + r.trials().size() + " trials, " + r.completed() + " completed, "
        + r.failed() + " failed, " + String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1e3)
        + ".");
    r.best().ifPresent(b -> {
      Objective o = r.objectives().get(0);
      out.println("Best (" + o + "): trial " + b.number() + " " + b.trialId() + "  "
          + metrics(b) + "  at " + b.candidate());
    });
    if (!r.paretoFront().isEmpty()) {
      out.println("Pareto front: " + r.paretoFront().size() + " trials ("
          + r.objectives().stream().map(Objective::toString).collect(Collectors.joining(", "))
          + ")");
    }
    r.folder().ifPresent(f -> out.println("Results: " + f));
    if (r.completed() == 0) {
      spec.commandLine().getErr().println("lathe: no trial completed; see the failures in "
          + r.folder().map(f -> f.resolve("trials.csv").toString()).orElse("the trial records"));
      return 4;
    }
    return 0;
  }

  private static String metrics(TrialRecord r) {
    return r.metrics().all().stream()
        .map(m -> m.name() + "=" + String.format(Locale.ROOT, "%.6g", m.value()) + unit(m))
        .collect(Collectors.joining(" "));
  }

  private static String unit(Metric m) {
    return m.unit().isEmpty() ? "" : " " + m.unit();
  }
}
