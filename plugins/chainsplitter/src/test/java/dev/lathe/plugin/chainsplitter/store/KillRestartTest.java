package dev.lathe.plugin.chainsplitter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.store.Block;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import dev.lathe.plugin.chainsplitter.tier.PostgresServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments while it appends, seals blocks and
 * ships them to the cloud tier (50 times with the SQLite tier, 12 more with a PostgreSQL server),
 * restarts it each time, and checks that no acknowledged record was lost, none was stored twice,
 * and the chain verifies across both tiers.
 */
class KillRestartTest {

  @TempDir Path dir;

  @Test
  void fiftyKillsWithTheSqliteTierLoseAndDuplicateNothing() throws Exception {
    killAndRestart(50, JdbcCloudTier.sqliteUrl(dir.resolve("cloud.db")), 20261127);
  }

  @Test
  void killsWithAPostgresTierLoseAndDuplicateNothing() throws Exception {
    try (PostgresServer server = PostgresServer.start()) {
      killAndRestart(12, server.url(), 1910_00742);
    }
  }

  private void killAndRestart(int kills, String cloud, long seed) throws Exception {
    Random random = new Random(seed);
    int acknowledged = 0;
    for (int kill = 0; kill < kills; kill++) {
      Process p = writer(cloud, 100_000).start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      String line = lines.readLine();
      assertTrue(line != null && line.startsWith("ready "), "run " + kill + ": " + line + "; "
          + Files.readString(dir.resolve("writer.err")));
      int reopenedWith = Integer.parseInt(line.substring("ready ".length()));
      assertTrue(reopenedWith >= acknowledged, "run " + kill + " reopened with " + reopenedWith
          + " records, but " + acknowledged + " appends had returned before the kill");
      String first = lines.readLine();
      assertTrue(first != null && first.equals("ok " + reopenedWith), "run " + kill + ": " + first);
      Thread.sleep(random.nextInt(30));
      // SIGKILL through the handle, which, unlike Process.destroyForcibly, leaves the pipe open
      // so that every line printed before the kill is still read.
      p.toHandle().destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      int last = reopenedWith;
      while ((line = lines.readLine()) != null) {
        assertTrue(line.startsWith("ok "), "run " + kill + ": " + line);
        last = Integer.parseInt(line.substring(3));
      }
      assertTrue(last < 99_999, "run " + kill + " finished before the kill");
      acknowledged = last + 1;
    }
    assertTrue(acknowledged > kills, "only " + acknowledged + " records in " + kills + " runs");
    int total = acknowledged + 7;
    Process last = writer(cloud, total).start();
    String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, last.waitFor(), out);
    assertTrue(out.strip().endsWith("done"), out);

    try (ResultStore store = CrashingWriter.open(dir, cloud)) {
      List<TrialRecord> records = store.readAll();
      assertEquals(total, records.size());
      for (int i = 0; i < total; i++) {
        assertEquals(CrashingWriter.record(i), records.get(i));
      }
      Verification v = store.verify();
      assertTrue(v.intact(), v.detail());
      assertEquals(total, v.records());
      List<Block> blocks = store.blocks();
      assertEquals(total, blocks.stream().mapToInt(b -> b.records().size()).sum(),
          "closing sealed every record");
      assertTrue(blocks.stream().allMatch(b -> b.records().size() <= 2),
          "a block holds more records than block_size");
    }
  }

  private ProcessBuilder writer(String cloud, int total) throws URISyntaxException {
    List<String> cp = new ArrayList<>();
    cp.add(location(CrashingWriter.class));
    cp.add(location(ChainSplitterStoreProvider.class));
    for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        cp.add(value);
      }
    }
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
        "-cp", String.join(File.pathSeparator, cp), CrashingWriter.class.getName(),
        dir.toString(), Integer.toString(total), cloud);
    return new ProcessBuilder(cmd).redirectError(dir.resolve("writer.err").toFile());
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
