package dev.lathe.core.internal.cluster;

import dev.lathe.api.execute.TrialRunner;
import java.util.Set;

/**
 * The kernel's side of a worker: the evaluator chain of any experiment whose recipe it can
 * rebuild with the plugins of this JVM, built once per recipe and reused. The executor runs the
 * attempts, with their timeouts, as it would run a local runner's.
 */
public interface TrialRunners {

  /** Every plugin this JVM can run trials with, each as {@code point/id@version}. */
  Set<String> capabilities();

  /**
   * The runner of {@code recipe}'s evaluator chain.
   *
   * @throws TrialRefusedException if this JVM lacks a plugin of the recipe, has another version
   *     of one, or cannot create one; its message is the reason
   */
  TrialRunner runner(TrialRecipe recipe) throws TrialRefusedException;
}
