package dev.lathe.hazelcast.internal;

import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.testkit.tck.TrialExecutorContract;
import java.util.Map;

/** The executor contract, on the embedded single member. */
class HazelcastExecutorContractTest extends TrialExecutorContract {

  @Override
  protected ExecutorProvider provider() {
    return new HazelcastExecutorProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("slots", "3", "port", Integer.toString(Ports.freeRange()),
        "cluster-name", Ports.clusterName());
  }
}
