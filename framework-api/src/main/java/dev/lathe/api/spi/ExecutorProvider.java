package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialRunner;
import org.apiguardian.api.API;

/** Creates a trial executor; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface ExecutorProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.EXECUTOR;
  }

  /**
   * A new executor that runs attempts with {@code runner} (locally, or on workers that build
   * their own runner for the same experiment).
   */
  TrialExecutor create(PluginContext context, TrialRunner runner);
}
