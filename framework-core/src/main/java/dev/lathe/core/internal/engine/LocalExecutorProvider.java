package dev.lathe.core.internal.engine;

import dev.lathe.api.LatheApi;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.List;

/** The default executor: a pool of threads in this JVM. */
public final class LocalExecutorProvider implements ExecutorProvider {

  static final String ID = "local";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, LatheApi.VERSION.toString(), "Thread pool in this JVM",
        "[" + LatheApi.VERSION.release() + "]");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("threads", 0,
        "how many trials run at once; 0 means one per available processor").range(0, 4096));
  }

  @Override
  public TrialExecutor create(PluginContext context, TrialRunner runner) {
    int threads = context.settings().getInt("threads");
    return new LocalExecutor(runner,
        threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
  }
}
