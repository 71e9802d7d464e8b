package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import org.junit.jupiter.api.Test;

class QuickProbeTest {
  @Test
  void probe() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ofa");
    OfaReproduction r = new OfaReproduction(42, dir, org.slf4j.LoggerFactory.getLogger("probe"));
    StringBuilder sb = new StringBuilder();
    for (Claim c : r.claims()) {
      if (c.id().equals("latency-lookup-table")) continue;
      long t0 = System.nanoTime();
      ClaimResult x = r.check(c, Reproduction.Mode.QUICK);
      sb.append(c.id()).append(" [").append((System.nanoTime() - t0) / 1e9).append(" s] ")
          .append(x.verdict()).append(" | ").append(x.measured()).append(" | ").append(x.note()).append("\n");
      java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/i6t/quick.txt"), sb.toString());
    }
  }
}
