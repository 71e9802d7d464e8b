package dev.lathe.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A running worker of a distributed executor: a cluster member that runs trials, with this
 * JVM's plugins, for any driver that joins its cluster. Made by {@link Lathe#startWorker}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Worker extends AutoCloseable {

  /** Where it listens, {@code host:port}. */
  String address();

  /** How many trials it runs at once. */
  int slots();

  /** The cluster's members, {@code host:port} each, this one included. */
  List<String> members();

  /** Waits until the worker stops: closed, or its cluster member shut down. */
  void awaitTermination() throws InterruptedException;

  /** Leaves the cluster; attempts in flight are lost to their drivers, which re-submit them. */
  @Override
  void close();
}
