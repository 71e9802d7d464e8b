package dev.lathe.core.internal.cluster;

import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.core.Worker;

/**
 * An executor provider whose executors ship trials to other JVMs. The kernel creates its
 * executors with a {@link ClusterSession} instead of a runner, and {@code lathe worker} starts
 * workers through it with the same settings.
 */
public interface ClusterExecutorProvider extends ExecutorProvider {

  /** A new executor of the driver, for one experiment run. */
  TrialExecutor create(PluginContext context, ClusterSession session);

  /**
   * Starts a worker in this JVM that runs trials with {@code runners} until closed.
   *
   * @param context the executor's settings (members to join, interface, port, slots, ...)
   */
  Worker startWorker(PluginContext context, TrialRunners runners);
}
