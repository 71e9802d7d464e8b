package dev.lathe.core.internal.cluster;

import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialTask;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The kernel's side of a worker: runs attempts of any experiment whose recipe it can rebuild
 * with the plugins of this JVM. Chains are built once per recipe and reused.
 */
public interface TrialService {

  /** Every plugin this JVM can run trials with, each as {@code point/id@version}. */
  Set<String> capabilities();

  /**
   * Starts an attempt of {@code recipe}'s experiment; the future completes with its outcome,
   * a failed one when the attempt threw, ran past its timeout or ran out of memory.
   *
   * @throws TrialRefusedException if this JVM lacks a plugin of the recipe, has another version
   *     of one, or cannot create one; its message is the reason
   */
  CompletableFuture<TrialOutcome> run(TrialRecipe recipe, TrialTask task)
      throws TrialRefusedException;
}
