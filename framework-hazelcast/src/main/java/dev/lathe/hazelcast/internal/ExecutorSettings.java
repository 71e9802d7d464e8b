package dev.lathe.hazelcast.internal;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The settings of the executor {@code hazelcast}, shared by drivers and workers.
 *
 * @param members the addresses ({@code host} or {@code host:port}) to join; none: a new
 *     cluster (a first worker), or for a driver the embedded single-member mode
 * @param clusterName the cluster's name; members of other clusters are never joined
 * @param bindInterface the IP address to bind to and announce
 * @param port the first port tried
 * @param slots attempts at once on a worker or the embedded member; 0 for one per processor
 * @param minWorkers workers able to run the experiment that a driver waits for
 * @param joinTimeout how long a driver waits for them, and for any while none is left
 * @param prefetch attempts a driver sends each worker beyond its slots, per slot: they wait in
 *     its queue so that a slot never waits a network round trip for its next attempt
 */
record ExecutorSettings(List<String> members, String clusterName, String bindInterface,
    int port, int slots, int minWorkers, Duration joinTimeout, int prefetch) {

  /** The parameters, as {@code lathe describe hazelcast} prints them. */
  static final List<ParameterSpec> PARAMETERS = List.of(
      ParameterSpec.of("members", ParameterSpec.Type.STRING_LIST, "",
          "workers to join, host or host:port each; none: one embedded member runs the trials"),
      ParameterSpec.string("cluster-name", "lathe",
          "the cluster's name; drivers and workers must agree, other clusters are never joined"),
      ParameterSpec.string("interface", "127.0.0.1",
          "the IP address to bind to and announce (no wildcard: docs/distributed.md)"),
      ParameterSpec.integer("port", 5701,
          "the first port tried; the next free one of the following 100 is taken")
          .range(1, 65435),
      ParameterSpec.integer("slots", 0,
          "trials at once on a worker (or the embedded member); 0: one per processor")
          .range(0, 4096),
      ParameterSpec.integer("min-workers", 1,
          "workers able to run the experiment that the driver waits for before the first trial")
          .range(1, 10000),
      ParameterSpec.of("join-timeout", ParameterSpec.Type.DURATION, "60s",
          "how long the driver waits for min-workers, and for any worker while none is left"),
      ParameterSpec.integer("prefetch", 1,
          "attempts per slot that the driver queues on a worker beyond its slots, hiding the"
              + " round trip between two attempts").range(0, 64));

  /** The settings of a plugin context. */
  static ExecutorSettings of(Settings s) {
    int slots = s.getInt("slots");
    return new ExecutorSettings(
        s.getStringList("members").stream().map(String::strip).filter(m -> !m.isEmpty())
            .toList(),
        s.getString("cluster-name"), s.getString("interface"), s.getInt("port"),
        slots > 0 ? slots : Runtime.getRuntime().availableProcessors(),
        s.getInt("min-workers"), s.getDuration("join-timeout"), s.getInt("prefetch"));
  }

  /** Whether a driver runs its trials itself, on one embedded member. */
  boolean embedded() {
    return members.isEmpty();
  }
}
