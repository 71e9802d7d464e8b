package dev.lathe.hazelcast.internal;

import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialRefusedException;
import dev.lathe.core.internal.cluster.TrialRunners;
import dev.lathe.core.internal.cluster.TrialWire;
import java.util.Arrays;

/**
 * What a member that runs trials keeps in its user context: the kernel's runners, the threads
 * that run attempts, and its own address for the outcomes.
 */
final class MemberRuntime implements AutoCloseable {

  /** The key of the runtime in the member's user context. */
  static final String KEY = "lathe.trials";

  private final TrialRunners runners;
  private final Attempts attempts;
  private volatile String address = "?";
  private volatile Prepared last;

  /** The last recipe and its runner: drivers send the same recipe with every attempt. */
  private record Prepared(byte[] json, TrialRunner runner) {}

  MemberRuntime(TrialRunners runners, String name) {
    this.runners = runners;
    this.attempts = new Attempts(name);
  }

  /** Names this member in outcomes, once it has an address. */
  void address(String address) {
    this.address = address;
  }

  /**
   * Runs an attempt; answers with its outcome as JSON, or with a refusal when this member lacks
   * a plugin of the recipe or was interrupted by its own shutdown.
   */
  byte[] run(byte[] recipeJson, byte[] taskJson) {
    TrialTask task = TrialWire.task(taskJson);
    Prepared p = last;
    if (p == null || !Arrays.equals(p.json(), recipeJson)) {
      try {
        p = new Prepared(recipeJson, runners.runner(TrialRecipe.fromJson(recipeJson)));
      } catch (TrialRefusedException e) {
        return TrialWire.refusal(e.getMessage());
      }
      last = p;
    }
    var outcome = attempts.run(p.runner(), task, address);
    if (Thread.currentThread().isInterrupted()) {
      // The member is shutting down (Ctrl-C, SIGTERM): the attempt goes to another worker.
      return TrialWire.refusal("is shutting down");
    }
    return TrialWire.outcome(outcome);
  }

  @Override
  public void close() {
    attempts.close();
  }
}
