package dev.lathe.plugin.chainsplitter.store;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.internal.store.JsonRecordCodec;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerSettings;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The process that {@link KillRestartTest} kills: reopens the store in a folder, checks that it
 * holds trials 0..n-1 exactly, then appends trials n, n+1, … up to a total, printing each index
 * once its append returned. Blocks of two records and a window of one make every second append
 * seal a block, ship it to the cloud tier and evict an older one.
 */
public final class CrashingWriter {

  private CrashingWriter() {}

  /** Arguments: the folder, the total number of trials, the cloud tier's JDBC URL. */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path folder = Path.of(args[0]);
    int total = Integer.parseInt(args[1]);
    try (ResultStore store = open(folder, args[2])) {
      List<TrialRecord> stored = store.readAll();
      for (int i = 0; i < stored.size(); i++) {
        if (!stored.get(i).trialId().equals(id(i))) {
          out.println("bad " + i + " holds " + stored.get(i).trialId());
          System.exit(3);
        }
      }
      out.println("ready " + stored.size());
      out.flush();
      for (int i = stored.size(); i < total; i++) {
        if (!store.append(record(i))) {
          out.println("duplicate " + i);
          System.exit(4);
        }
        out.println("ok " + i);
        out.flush();
      }
    }
    out.println("done");
    out.flush();
  }

  /**
   * The store in {@code folder} with its cloud tier at {@code cloud}, opened as the provider
   * opens it but without the kernel's settings machinery, which would triple the start-up time
   * of each killed process.
   */
  static ResultStore open(Path folder, String cloud) throws IOException {
    Ledger ledger = Ledger.open(folder.resolve("ledger"), new LedgerSettings(2, Duration.ZERO, 1,
        1024, Duration.ZERO, false), new JdbcCloudTier(cloud, "killed"), Clock.systemUTC(),
        LoggerFactory.getLogger(CrashingWriter.class));
    return new ChainSplitterStore(ledger, new JsonRecordCodec(),
        LoggerFactory.getLogger(CrashingWriter.class), 0);
  }

  static String id(int i) {
    return "trial-" + i;
  }

  static TrialRecord record(int i) {
    return new TrialRecord(id(i), i, 1, Candidate.of(Map.of("x", (long) i)),
        TrialRecord.Status.COMPLETED, Metrics.builder().add("y", i * 0.5, "", Origin.MEASURED)
            .build(), null, Instant.ofEpochSecond(1_800_000_000L + i), Duration.ofMillis(i),
        "local-0");
  }
}
