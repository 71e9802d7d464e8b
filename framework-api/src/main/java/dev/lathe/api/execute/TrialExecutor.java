package dev.lathe.api.execute;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Runs trial attempts somewhere: threads of this JVM, or members of a cluster. The returned
 * future always completes normally, with a failed outcome when the attempt threw, ran past its
 * timeout or ran out of memory; the kernel decides on retries.
 */
@API(status = STABLE, since = "0.1")
public interface TrialExecutor extends AutoCloseable {

  /** The id of the plugin that made this executor. */
  String id();

  /** Starts one attempt; the future completes with its outcome. */
  CompletableFuture<TrialOutcome> submit(TrialTask task);

  /** How many attempts can usefully run at once. Default: 1. */
  default int parallelism() {
    return 1;
  }

  /** Stops accepting tasks and releases threads or connections. Default: nothing to release. */
  @Override
  default void close() {}
}
