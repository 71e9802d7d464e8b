package dev.lathe.hazelcast.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.Set;

/**
 * The Hazelcast configuration of Lathe's members: TCP/IP join with the configured members only
 * (no multicast, no cloud auto-detection), bound to the configured interface only, the
 * configured cluster name, Lathe's identified serialization with Hazelcast's Java
 * deserialization filter on, no phone-home, logging through SLF4J.
 */
final class MemberConfigs {

  /** The name of the Hazelcast executor service that runs trials. */
  static final String TRIALS = "lathe-trials";
  /** Member attribute: {@code worker} or {@code driver}. */
  static final String ROLE = "lathe.role";
  /** Member attribute: how many attempts a worker runs at once. */
  static final String SLOTS = "lathe.slots";
  /** Member attribute: the worker's plugins, {@code point/id@version} separated by spaces. */
  static final String PLUGINS = "lathe.plugins";

  private MemberConfigs() {}

  /**
   * The configuration of one member.
   *
   * @param role {@code worker}, {@code driver}, or {@code embedded} for a driver that runs its
   *     trials itself and joins no one
   * @param runtime runs trials on this member, or {@code null} for a driver that runs none
   * @param capabilities the plugins this member runs trials with (empty if none)
   */
  static Config member(ExecutorSettings settings, String role, MemberRuntime runtime,
      Set<String> capabilities) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setLiteMember(runtime == null);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
    // Lathe keeps no data in the cluster: few partitions, few threads, no metrics.
    config.setProperty("hazelcast.partition.count", "7");
    config.setProperty("hazelcast.io.thread.count", "1");
    config.setProperty("hazelcast.operation.thread.count", "1");
    config.setProperty("hazelcast.operation.generic.thread.count", "1");
    config.setProperty("hazelcast.event.thread.count", "1");
    config.getMetricsConfig().setEnabled(false);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
    network.getInterfaces().setEnabled(true).addInterface(settings.bindInterface());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (!"embedded".equals(role)) {
      // Every member of a cluster must join the same way; a first worker lists itself.
      join.getTcpIpConfig().setEnabled(true);
      if (settings.members().isEmpty()) {
        join.getTcpIpConfig().addMember(settings.bindInterface() + ":" + settings.port());
      }
      settings.members().forEach(join.getTcpIpConfig()::addMember);
    }

    config.getMemberAttributeConfig().setAttribute(ROLE, role);
    if (runtime != null) {
      config.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(settings.slots()));
      config.getMemberAttributeConfig().setAttribute(PLUGINS, String.join(" ", capabilities));
      config.getUserContext().put(MemberRuntime.KEY, runtime);
    }
    config.getExecutorConfig(TRIALS).setPoolSize(Math.max(1, settings.slots()))
        .setStatisticsEnabled(false);
    config.getSerializationConfig().addDataSerializableFactory(RemoteTrial.FACTORY_ID,
        id -> id == RemoteTrial.CLASS_ID ? new RemoteTrial() : null);
    config.getSerializationConfig()
        .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    return config;
  }
}
