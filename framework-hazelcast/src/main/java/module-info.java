/**
 * Lathe's distributed executor {@code hazelcast}: a driver ({@code lathe run}) ships each trial
 * as plain data to worker JVMs of a Hazelcast cluster ({@code lathe worker}), which rebuild the
 * experiment's evaluator chain with their own plugins. A kernel support module: it reaches the
 * kernel's recipe and worker services, which plugins never see.
 */
module dev.lathe.hazelcast {
  requires dev.lathe.core;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.hazelcast.core;

  provides dev.lathe.api.spi.ExecutorProvider with
      dev.lathe.hazelcast.internal.HazelcastExecutorProvider;
}
