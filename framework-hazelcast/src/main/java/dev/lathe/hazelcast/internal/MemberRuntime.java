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
  private volatile Parsed last;

  /** The last recipe parsed: drivers send the same one with every attempt. */
  private record Parsed(byte[] json, TrialRecipe recipe) {}

  MemberRuntime(TrialRunners runners, String name) {
    this.runners = runners;
    this.attempts = new Attempts(name);
  }

  /** Names this member in outcomes, once it has an address. */
  void address(String address) {
    this.address = address;
  }

  /** Runs an attempt; answers with its outcome, or a refusal, as JSON. */
  byte[] run(byte[] recipeJson, byte[] taskJson) {
    TrialTask task = TrialWire.task(taskJson);
    Parsed p = last;
    if (p == null || !Arrays.equals(p.json(), recipeJson)) {
      p = new Parsed(recipeJson, TrialRecipe.fromJson(recipeJson));
      last = p;
    }
    TrialRunner runner;
    try {
      runner = runners.runner(p.recipe());
    } catch (TrialRefusedException e) {
      return TrialWire.refusal(e.getMessage());
    }
    return TrialWire.outcome(attempts.run(runner, task, address));
  }

  @Override
  public void close() {
    attempts.close();
  }
}
