package dev.lathe.core.internal.cli;

import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Shows an experiment's progress on standard error: a bar redrawn in place on a terminal,
 * plain lines every tenth of the budget (or every 10 seconds) otherwise.
 */
final class ProgressPrinter implements ExperimentListener {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LINE_NANOS = 10_000_000_000L;
  private static final int BAR = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private long budget;
  private long startNanos;
  private long lastNanos;
  private long lastDecile = -1;
  private long failed;
  private long reused;

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void started(String name, long budgetTrials, long stored) {
    budget = budgetTrials;
    startNanos = System.nanoTime();
    err.println(stored > 0
        ? "Resuming '" + name + "': " + stored + " trials stored, budget "
            + describe(budgetTrials) + " trials."
        : "Running '" + name + "': " + describe(budgetTrials) + " trials.");
  }

  @Override
  public void trialFinished(TrialRecord record, boolean wasReused, long finished,
      OptionalDouble best) {
    if (!record.completed()) failed++;
    if (wasReused) reused++;
    long now = System.nanoTime();
    boolean last = finished >= budget;
    if (terminal) {
      if (last || now - lastNanos >= REDRAW_NANOS) {
        lastNanos = now;
        err.print("\r" + line(finished, best, now) + "\u001b[K");
        if (last) err.println();
        err.flush();
      }
    } else {
      long decile = budget == Long.MAX_VALUE ? -1 : finished * 10 / budget;
      if (last || decile > lastDecile || now - lastNanos >= LINE_NANOS) {
        lastDecile = decile;
        lastNanos = now;
        err.println(line(finished, best, now));
      }
    }
  }

  @Override
  public void retrying(String trialId, int attempt, String failure) {
    if (!terminal) {
      err.println("trial " + trialId + " attempt " + attempt + " failed, retrying: " + failure);
    }
  }

  @Override
  public void finished(ExperimentResult result) {
    if (terminal && lastNanos != 0) {
      err.println();
    }
  }

  private String line(long finished, OptionalDouble best, long now) {
    StringBuilder s = new StringBuilder();
    if (budget != Long.MAX_VALUE) {
      int filled = (int) (BAR * finished / Math.max(1, budget));
      s.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
    }
    s.append(finished).append('/').append(describe(budget)).append(" trials");
    best.ifPresent(b -> s.append(String.format(Locale.ROOT, "  best %.6g", b)));
    if (failed > 0) s.append("  failed ").append(failed);
    if (reused > 0) s.append("  reused ").append(reused);
    double seconds = (now - startNanos) / 1e9;
    long evaluated = finished - reused;
    if (seconds > 0 && evaluated > 0) {
      double rate = evaluated / seconds;
      s.append(String.format(Locale.ROOT, "  %.1f trials/s", rate));
      if (budget != Long.MAX_VALUE && finished < budget) {
        s.append(String.format(Locale.ROOT, "  ETA %.0fs", (budget - finished) / rate));
      }
    }
    return s.toString();
  }

  private static String describe(long trials) {
    return trials == Long.MAX_VALUE ? "unlimited" : Long.toString(trials);
  }
}
