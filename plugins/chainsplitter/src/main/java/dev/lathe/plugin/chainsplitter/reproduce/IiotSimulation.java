package dev.lathe.plugin.chainsplitter.reproduce;

import dev.lathe.plugin.chainsplitter.chain.Block;
import dev.lathe.plugin.chainsplitter.chain.MerkleTree;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerReport;
import dev.lathe.plugin.chainsplitter.ledger.LedgerSettings;
import dev.lathe.plugin.chainsplitter.ledger.LocatedBlock;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;

/**
 * Feeds sensor readings, in the order of the data set, through one simulated IIoT network into a
 * ChainSplitter ledger whose cloud tier is a real SQLite database behind a simulated uplink, and
 * measures what the paper's case study is about: the storage each node holds against full
 * replication as the chain grows, how long sealed blocks take to reach the cloud tier (also
 * through outages of the uplink), and that the whole chain verifies across the split and names
 * any tampered block.
 */
final class IiotSimulation {

  private static final int GROWTH_POINTS = 10;
  private static final int PROOFS = 1000;

  private IiotSimulation() {}

  /**
   * One simulated network.
   *
   * @param name short name, as the report prints it
   * @param nodes how many nodes keep a copy of the local overlay (full replication: of the chain)
   * @param blockSize readings per block
   * @param window blocks the overlay keeps after shipping
   * @param outages how many outages of the uplink the stream meets, evenly spread
   * @param downFraction the share of the stream during which the uplink is down
   */
  record Network(String name, int nodes, int blockSize, int window, int outages,
      double downFraction) {}

  /** Storage at one point of the stream. */
  record GrowthPoint(int readings, long chainBytes, long overlayBytes) {}

  /** What one network's run measured. */
  record Result(Network network, int readings, long blocks, long chainBytes,
      long maxOverlayBytes, List<GrowthPoint> growth, double medianShipMillis,
      double p95ShipMillis, long maxLagReadings, long maxBacklog, LedgerReport report,
      double verifyMillis, double proofMicros, int tamperTrials, int tamperNamed) {

    /** The largest overlay as a share of the chain at the end. */
    double overlayShare() {
      return (double) maxOverlayBytes / chainBytes;
    }
  }

  static Result run(Network network, List<SensorReadings.Reading> readings, Path folder,
      Random random, int tamperTrials, Logger log) throws IOException {
    Files.createDirectories(folder);
    JdbcCloudTier tier = new JdbcCloudTier(JdbcCloudTier.sqliteUrl(folder.resolve("cloud.db")),
        network.name());
    IntermittentLink link = new IntermittentLink(tier);
    LedgerSettings settings = new LedgerSettings(network.blockSize(), Duration.ZERO,
        network.window(), 1 << 20, Duration.ZERO, false);
    int n = readings.size();
    boolean[] down = outageSchedule(network, n);
    List<Long> sealedAt = new ArrayList<>();
    List<Long> blockBytes = new ArrayList<>();
    List<Double> shipMillis = new ArrayList<>();
    List<GrowthPoint> growth = new ArrayList<>();
    long arrived = 0;
    long maxLag = 0;
    long maxBacklog = 0;
    long maxOverlay = 0;
    long chainBytes = 0;
    try (Ledger ledger = Ledger.open(folder.resolve("overlay"), settings, link,
        Clock.systemUTC(), log)) {
      for (int k = 0; k < n; k++) {
        link.setDown(down[k]);
        long before = ledger.nextIndex();
        long t0 = System.nanoTime();
        ledger.append(readings.get(k).bytes());
        long t1 = System.nanoTime();
        if (ledger.nextIndex() > before) {
          sealedAt.add((long) k);
          long bytes = Files.size(ledger.overlayFile(before));
          blockBytes.add(bytes);
          chainBytes += bytes;
          maxOverlay = Math.max(maxOverlay, ledger.overlayBytes());
          if (ledger.backlog() == 0) {
            shipMillis.add((t1 - t0) / 1e6);
          }
        }
        long inCloud = ledger.nextIndex() - ledger.backlog();
        for (; arrived < inCloud; arrived++) {
          maxLag = Math.max(maxLag, k - sealedAt.get((int) arrived));
        }
        maxBacklog = Math.max(maxBacklog, ledger.backlog());
        if ((k + 1) % Math.max(1, n / GROWTH_POINTS) == 0 || k == n - 1) {
          growth.add(new GrowthPoint(k + 1, chainBytes, ledger.overlayBytes()));
        }
      }
      link.setDown(false);
      ledger.seal();
      ledger.sync();
      long t0 = System.nanoTime();
      LedgerReport report = ledger.verify();
      double verifyMillis = (System.nanoTime() - t0) / 1e6;
      double proofMicros = proofMicros(ledger.blocks(), random);
      int named = 0;
      for (int t = 0; t < tamperTrials; t++) {
        if (tamper(ledger, tier, random)) {
          named++;
        }
      }
      List<LocatedBlock> all = ledger.blocks();
      long totalBytes = all.stream().mapToLong(b -> b.block().encode().length).sum();
      return new Result(network, n, all.size(), totalBytes, maxOverlay, growth, percentile(shipMillis, 0.5),
          percentile(shipMillis, 0.95), maxLag, maxBacklog, report, verifyMillis, proofMicros,
          tamperTrials, named);
    } finally {
      delete(folder);
    }
  }

  private static boolean[] outageSchedule(Network network, int n) {
    boolean[] down = new boolean[n];
    if (network.outages() == 0) {
      return down;
    }
    int span = (int) Math.round(network.downFraction() * n / network.outages());
    for (int j = 0; j < network.outages(); j++) {
      int start = (int) ((j + 0.5) * n / network.outages()) - span / 2;
      Arrays.fill(down, Math.max(0, start), Math.min(n, start + span), true);
    }
    return down;
  }

  /** The mean time to check one random reading's Merkle proof against its block's root. */
  private static double proofMicros(List<LocatedBlock> blocks, Random random) {
    List<byte[]> records = new ArrayList<>();
    List<List<MerkleTree.ProofStep>> proofs = new ArrayList<>();
    List<byte[]> roots = new ArrayList<>();
    for (int i = 0; i < PROOFS; i++) {
      Block b = blocks.get(random.nextInt(blocks.size())).block();
      int r = random.nextInt(b.records().size());
      records.add(b.records().get(r));
      proofs.add(MerkleTree.proof(b.records(), r));
      roots.add(b.merkleRoot());
    }
    long t0 = System.nanoTime();
    int valid = 0;
    for (int i = 0; i < PROOFS; i++) {
      if (MerkleTree.verify(records.get(i), proofs.get(i), roots.get(i))) {
        valid++;
      }
    }
    long t1 = System.nanoTime();
    if (valid != PROOFS) {
      throw new IllegalStateException((PROOFS - valid) + " of " + PROOFS
          + " Merkle proofs of untouched readings failed");
    }
    return (t1 - t0) / 1e3 / PROOFS;
  }

  /**
   * Flips one random byte of one random block in one of the tiers that hold it, verifies the
   * chain, restores the byte; returns whether verification named that block.
   */
  private static boolean tamper(Ledger ledger, JdbcCloudTier tier, Random random)
      throws IOException {
    long index = random.nextLong(ledger.nextIndex());
    Path file = ledger.overlayFile(index);
    boolean inOverlay = Files.exists(file) && random.nextBoolean();
    byte[] original = inOverlay ? Files.readAllBytes(file) : tier.read(index).orElseThrow();
    byte[] flipped = original.clone();
    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
    if (inOverlay) {
      Files.write(file, flipped);
    } else {
      tier.overwrite(index, flipped);
    }
    LedgerReport report = ledger.verify();
    if (inOverlay) {
      Files.write(file, original);
    } else {
      tier.overwrite(index, original);
    }
    return !report.intact() && report.failedBlock().orElse(-1) == index
        && report.detail().contains(inOverlay ? "(overlay " : "(cloud tier ");
  }

  private static double percentile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  private static void delete(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var children = Files.list(p)) {
        for (Path c : children.toList()) {
          delete(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
