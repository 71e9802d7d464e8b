package dev.lathe.hazelcast.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

/** Loopback ports and cluster names for tests that may run beside other builds. */
final class Ports {

  private Ports() {}

  /**
   * A port on 127.0.0.1 that is free now, with the next nine free too, picked at random in
   * 20000–40000 so that parallel builds rarely meet.
   */
  static int freeRange() {
    java.util.Random random = new java.util.Random();
    for (int tries = 0; tries < 100; tries++) {
      int first = 20000 + random.nextInt(20000);
      if (free(first, 10)) {
        return first;
      }
    }
    throw new IllegalStateException("no 10 free ports on 127.0.0.1 in 100 tries");
  }

  /** A cluster name no other test run uses. */
  static String clusterName() {
    return "lathe-test-" + UUID.randomUUID();
  }

  private static boolean free(int first, int count) {
    for (int p = first; p < first + count; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
