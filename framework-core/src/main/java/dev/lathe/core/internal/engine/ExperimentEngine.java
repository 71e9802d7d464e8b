package dev.lathe.core.internal.engine;

import dev.lathe.api.Provenance;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentListener;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.ExperimentResult.StopReason;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.ExperimentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment: asks the optimizer for a batch, runs the batch's trials on the executor
 * (retrying failed attempts up to the limit), appends each final record to the store as soon
 * as it is final, tells the batch back in trial order, checkpoints, and stops on the budget.
 *
 * <p>Trial ids derive from the experiment, the candidate's hash and how often the candidate
 * was asked before, so a resumed run that asks the same candidates finds their records and
 * reuses them instead of evaluating again. Batches are synchronous and told in trial order,
 * so the same configuration and seed give the same trials in the same order.
 */
public final class ExperimentEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentEngine.class);
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  private final ExperimentConfig config;
  private final Path folder;
  private final Provenance provenance;
  private final ExperimentListener listener;
  private final Runnable prepareFolder;

  /**
   * An engine for one run.
   *
   * @param config the validated experiment
   * @param folder the results folder, or null to keep everything in memory
   * @param provenance how the run is made, returned with the result
   * @param listener follows progress
   * @param prepareFolder runs once the plugins are created and their composition checked,
   *     before anything is written to the folder
   */
  public ExperimentEngine(ExperimentConfig config, Path folder, Provenance provenance,
      ExperimentListener listener, Runnable prepareFolder) {
    this.config = config;
    this.folder = folder;
    this.provenance = provenance;
    this.listener = listener;
    this.prepareFolder = prepareFolder;
  }

  /** Runs (or resumes) the experiment to the end of its budget. */
  public ExperimentResult run() {
    Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "lathe", config.name());
    try (ExperimentPlan plan = new ExperimentPlan(config, folder, scratch, prepareFolder)) {
      return new Run(plan, plan.events).execute();
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO,
          "experiment '" + config.name() + "': " + e.getMessage(), e);
    }
  }

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  });

  /** The id of the {@code repeat}-th trial of the candidate with hash {@code candidateHash}. */
  static String trialId(String experiment, long seed, String candidateHash, int repeat) {
    String key = experiment + '\n' + seed + '\n' + candidateHash + '\n' + repeat;
    byte[] digest = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** The mutable state of one run. */
  private final class Run {
    final ExperimentPlan plan;
    final EventLog events;
    final Map<String, TrialRecord> stored = new HashMap<>();
    final Map<String, Integer> repeats = new HashMap<>();
    final BlockingQueue<TrialOutcome> completions = new LinkedBlockingQueue<>();
    final Objective first;
    final int batch;
    final long budgetTrials;
    long nextNumber;
    long finished;
    long priorMillis;
    long startNanos;
    long lastCheckpointNanos;
    double bestLoss = Double.POSITIVE_INFINITY;
    TrialRecord best;

    Run(ExperimentPlan plan, EventLog events) {
      this.plan = plan;
      this.events = events;
      this.first = config.objectives().get(0);
      int b = config.execution().batch();
      this.batch = b > 0 ? b : Math.max(1, plan.executor.parallelism());
      this.budgetTrials = config.budget().trials();
    }

    ExperimentResult execute() throws IOException {
      startNanos = System.nanoTime();
      lastCheckpointNanos = startNanos;
      for (TrialRecord r : plan.store.readAll()) {
        stored.put(r.trialId(), r);
      }
      restore();
      events.write(stored.isEmpty() ? "run_started" : "run_resumed", "experiment", config.name(),
          "stored", stored.size(), "next", nextNumber);
      listener.started(config.name(), budgetTrials, stored.size());
      StopReason stop;
      while ((stop = stopReason()) == null) {
        runBatch((int) Math.min(batch, budgetTrials - finished));
        if (folder != null && System.nanoTime() - lastCheckpointNanos
            >= CHECKPOINT_INTERVAL.toNanos()) {
          checkpoint();
        }
      }
      if (folder != null) {
        checkpoint();
      }
      Duration elapsed = elapsed();
      events.write("run_finished", "reason", stop.name(), "finished", finished,
          "elapsed_ms", elapsed.toMillis());
      List<TrialRecord> trials = new ArrayList<>(plan.store.readAll());
      trials.sort(Comparator.comparingLong(TrialRecord::number));
      ExperimentResult result = new ExperimentResult(config.name(), Optional.ofNullable(folder),
          config.objectives(), trials, Optional.ofNullable(best),
          Outcomes.paretoFront(trials, plan.problem),
          stop, elapsed, provenance);
      listener.finished(result);
      return result;
    }

    /** Continues from the checkpoint when the optimizer restores; else replays from trial 0. */
    void restore() throws IOException {
      if (folder == null) {
        return;
      }
      Optional<Checkpoint> cp = Checkpoint.read(folder);
      if (cp.isEmpty()) {
        return;
      }
      priorMillis = cp.get().elapsedMillis();
      try {
        plan.optimizer.restore(cp.get().optimizerState());
      } catch (RuntimeException e) {
        LOG.warn("optimizer '{}' could not restore its checkpoint ({}); replaying {} stored trials",
            plan.optimizer.id(), Failures.describe(e), stored.size());
        return;
      }
      nextNumber = cp.get().nextNumber();
      stored.values().stream()
          .filter(r -> r.number() < nextNumber)
          .sorted(Comparator.comparingLong(TrialRecord::number))
          .forEach(r -> {
            repeats.merge(r.candidate().hash(), 1, Integer::sum);
            finished++;
            track(r);
          });
    }

    StopReason stopReason() {
      if (finished >= budgetTrials) {
        return StopReason.TRIALS;
      }
      Duration limit = config.budget().time();
      if (!limit.isZero() && elapsed().compareTo(limit) >= 0) {
        return StopReason.TIME;
      }
      OptionalDouble target = config.budget().target();
      if (target.isPresent() && bestLoss < Double.POSITIVE_INFINITY) {
        double targetLoss = first.direction() == Objective.Direction.MINIMIZE
            ? target.getAsDouble() : -target.getAsDouble();
        if (bestLoss <= targetLoss) {
          return StopReason.TARGET;
        }
      }
      return null;
    }

    void runBatch(int n) throws IOException {
      List<Candidate> asked;
      try {
        asked = plan.optimizer.ask(n);
      } catch (RuntimeException e) {
        throw optimizerFailed("ask", e);
      }
      if (asked == null || asked.size() != n) {
        throw new LatheException(LatheException.Kind.EXPERIMENT, "optimizer '"
            + plan.optimizer.id() + "' returned " + (asked == null ? "null" : asked.size())
            + " candidates when asked for " + n);
      }
      TrialRecord[] records = new TrialRecord[n];
      Map<String, Integer> slot = new HashMap<>();
      int outstanding = 0;
      for (int i = 0; i < n; i++) {
        Candidate c = asked.get(i);
        plan.space.violation(c).ifPresent(v -> {
          throw new LatheException(LatheException.Kind.EXPERIMENT, "optimizer '"
              + plan.optimizer.id() + "' asked for a candidate outside space '"
              + plan.space.id() + "': " + v);
        });
        long number = nextNumber++;
        int repeat = repeats.merge(c.hash(), 1, Integer::sum) - 1;
        String id = trialId(config.name(), config.seed(), c.hash(), repeat);
        TrialRecord earlier = stored.get(id);
        if (earlier != null) {
          records[i] = earlier;
          events.write("trial_reused", "id", id, "n", number);
          continue;
        }
        slot.put(id, i);
        submit(new TrialTask(id, number, 1, c, Seeds.split(config.seed(), "trial/" + id),
            config.execution().timeout()));
        outstanding++;
      }
      while (outstanding > 0) {
        TrialOutcome o = take();
        TrialTask task = o.task();
        if (!o.succeeded() && task.attempt() <= config.execution().retries()) {
          events.write("attempt_failed", "id", task.trialId(), "n", task.number(),
              "attempt", task.attempt(), "failure", o.failure());
          listener.retrying(task.trialId(), task.attempt(), o.failure());
          submit(new TrialTask(task.trialId(), task.number(), task.attempt() + 1,
              task.candidate(), task.seed(), task.timeout()));
          continue;
        }
        TrialRecord r = new TrialRecord(task.trialId(), task.number(), task.attempt(),
            task.candidate(), o.succeeded() ? TrialRecord.Status.COMPLETED
                : TrialRecord.Status.FAILED,
            o.metrics(), o.failure(), o.started(), o.duration(), o.worker());
        plan.store.append(r);
        events.write("trial_finished", "id", r.trialId(), "n", r.number(),
            "status", r.status().name(), "attempts", r.attempts(), "worker", r.worker());
        records[slot.get(r.trialId())] = r;
        outstanding--;
      }
      for (int i = 0; i < n; i++) {
        TrialRecord r = records[i];
        try {
          plan.optimizer.tell(new Observation(r.number(), r.candidate(), r.metrics(), r.failure()));
        } catch (RuntimeException e) {
          throw optimizerFailed("tell", e);
        }
        finished++;
        track(r);
        listener.trialFinished(r, !slot.containsKey(r.trialId()), finished,
            bestLoss < Double.POSITIVE_INFINITY
                ? OptionalDouble.of(first.direction() == Objective.Direction.MINIMIZE
                    ? bestLoss : -bestLoss)
                : OptionalDouble.empty());
      }
    }

    void submit(TrialTask task) {
      events.write("trial_started", "id", task.trialId(), "n", task.number(),
          "attempt", task.attempt());
      plan.executor.submit(task).whenComplete((outcome, error) -> {
        if (error != null) {
          completions.add(new TrialOutcome(task, dev.lathe.api.metric.Metrics.empty(),
              "executor '" + plan.executor.id() + "' failed: " + Failures.describe(error),
              java.time.Instant.now(), Duration.ZERO, "?"));
        } else {
          completions.add(outcome);
        }
      });
    }

    TrialOutcome take() {
      try {
        return completions.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LatheException(LatheException.Kind.EXPERIMENT,
            "experiment '" + config.name() + "' interrupted; completed trials are kept", e);
      }
    }

    void track(TrialRecord r) {
      if (r.completed() && r.metrics().has(first.metric()) && plan.problem.feasible(r.metrics())) {
        double loss = first.loss(r.metrics());
        if (loss < bestLoss || (loss == bestLoss && r.number() < best.number())) {
          bestLoss = loss;
          best = r;
        }
      }
    }

    void checkpoint() throws IOException {
      lastCheckpointNanos = System.nanoTime();
      plan.store.sync();
      Optional<byte[]> state;
      try {
        state = plan.optimizer.checkpoint();
      } catch (RuntimeException e) {
        throw optimizerFailed("checkpoint", e);
      }
      if (state.isPresent()) {
        new Checkpoint(nextNumber, elapsed().toMillis(), state.get()).write(folder);
        events.write("checkpoint", "next", nextNumber);
      }
    }

    Duration elapsed() {
      return Duration.ofMillis(priorMillis).plusNanos(System.nanoTime() - startNanos);
    }

    LatheException optimizerFailed(String step, RuntimeException e) {
      return new LatheException(LatheException.Kind.EXPERIMENT, "optimizer '"
          + plan.optimizer.id() + "' failed in " + step + ": " + Failures.describe(e), e);
    }
  }
}
