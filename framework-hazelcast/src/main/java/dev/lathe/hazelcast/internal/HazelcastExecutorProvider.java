package dev.lathe.hazelcast.internal;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.lathe.api.LatheApi;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.core.Worker;
import dev.lathe.core.internal.cluster.ClusterExecutorProvider;
import dev.lathe.core.internal.cluster.ClusterSession;
import dev.lathe.core.internal.cluster.RecipeComponent;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialRunners;
import java.util.List;
import java.util.Set;

/**
 * The executor {@code hazelcast}: trials run on the workers of a Hazelcast cluster, or, with no
 * members configured, on one embedded member of the driver's own JVM.
 */
public final class HazelcastExecutorProvider implements ClusterExecutorProvider {

  static final String ID = "hazelcast";

  /** The provider, as ServiceLoader creates it. */
  public HazelcastExecutorProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, LatheApi.VERSION.toString(),
        "Trials on the workers of a Hazelcast cluster", "[" + LatheApi.VERSION.release() + "]");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return ExecutorSettings.PARAMETERS;
  }

  /**
   * An executor whose trials run with {@code runner} on an embedded single member (the members
   * setting is ignored): the kernel's session is what lets workers rebuild a runner, and a bare
   * runner has none.
   */
  @Override
  public TrialExecutor create(PluginContext context, TrialRunner runner) {
    ExecutorSettings settings = ExecutorSettings.of(context.settings());
    ExecutorSettings embedded = new ExecutorSettings(List.of(), settings.clusterName(),
        settings.bindInterface(), settings.port(), settings.slots(), 1, settings.joinTimeout(),
        settings.prefetch());
    TrialRecipe recipe = new TrialRecipe("embedded", context.seed(), "", List.of());
    return start(embedded, recipe, new TrialRunners() {
      @Override
      public Set<String> capabilities() {
        return Set.of();
      }

      @Override
      public TrialRunner runner(TrialRecipe r) {
        return runner;
      }
    }, (event, fields) -> { });
  }

  @Override
  public TrialExecutor create(PluginContext context, ClusterSession session) {
    ExecutorSettings settings = ExecutorSettings.of(context.settings());
    return start(settings, session.recipe(), session.local(), session.events());
  }

  @Override
  public Worker startWorker(PluginContext context, TrialRunners runners) {
    return new HazelcastWorker(ExecutorSettings.of(context.settings()), runners);
  }

  private static TrialExecutor start(ExecutorSettings settings, TrialRecipe recipe,
      TrialRunners local, ClusterSession.EventSink events) {
    MemberRuntime runtime = null;
    Set<String> capabilities = Set.of();
    if (settings.embedded()) {
      runtime = new MemberRuntime(local, "lathe-embedded");
      capabilities = recipe.components().stream().map(RecipeComponent::capability)
          .collect(java.util.stream.Collectors.toSet());
    }
    HazelcastInstance member = Hazelcast.newHazelcastInstance(MemberConfigs.member(settings,
        settings.embedded() ? "embedded" : "driver", runtime, capabilities));
    if (runtime != null) {
      var a = member.getCluster().getLocalMember().getAddress();
      runtime.address(a.getHost() + ":" + a.getPort());
    }
    return new HazelcastExecutor(member, runtime, settings, recipe, events);
  }
}
