package dev.lathe.plugin.chainsplitter.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.plugin.chainsplitter.chain.Block;
import dev.lathe.plugin.chainsplitter.tier.JdbcCloudTier;
import dev.lathe.plugin.chainsplitter.tier.RejectedBlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LedgerTest {

  private static final LedgerSettings SMALL =
      new LedgerSettings(4, Duration.ofSeconds(30), 2, 8, Duration.ofSeconds(5), false);

  @TempDir Path dir;
  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-27T12:00:00Z"));

  private JdbcCloudTier cloud() {
    return new JdbcCloudTier(JdbcCloudTier.sqliteUrl(dir.resolve("cloud.db")), "test-chain");
  }

  private Ledger open(LedgerSettings settings) throws IOException {
    return Ledger.open(dir.resolve("node"), settings, cloud(), clock,
        LoggerFactory.getLogger(LedgerTest.class));
  }

  private static byte[] record(int i) {
    return ("reading " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> records) {
    return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
  }

  private static List<String> expected(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("reading " + i);
    }
    return out;
  }

  @Test
  void sealsBySizeShipsAndKeepsTheWindowLocal() throws IOException {
    try (Ledger ledger = open(SMALL)) {
      for (int i = 0; i < 30; i++) {
        ledger.append(record(i));
      }
      assertEquals(7, ledger.nextIndex());
      assertEquals(2, ledger.pending());
      assertEquals(0, ledger.backlog());
      List<LocatedBlock> blocks = ledger.blocks();
      assertEquals(7, blocks.size());
      for (int i = 0; i < 5; i++) {
        assertEquals(LocatedBlock.Where.CLOUD, blocks.get(i).where(), "block " + i);
        assertFalse(Files.exists(ledger.overlayFile(i)), "block " + i + " was evicted");
      }
      for (int i = 5; i < 7; i++) {
        assertEquals(LocatedBlock.Where.BOTH, blocks.get(i).where(), "block " + i);
      }
      assertEquals(expected(30), texts(ledger.records()));
      LedgerReport report = ledger.verify();
      assertTrue(report.intact(), report.detail());
      assertEquals(7, report.blocks());
      assertEquals(30, report.records());
      assertTrue(ledger.overlayBytes() < ledger.cloud().storedBytes());
    }
    try (Ledger reopened = open(SMALL)) {
      assertEquals(8, reopened.nextIndex(), "close sealed the two pending records");
      assertEquals(expected(30), texts(reopened.records()));
      assertTrue(reopened.verify().intact());
    }
  }

  @Test
  void sealsByTime() throws IOException {
    try (Ledger ledger = open(SMALL)) {
      ledger.append(record(0));
      ledger.sealIfDue();
      assertEquals(0, ledger.nextIndex());
      clock.advance(Duration.ofSeconds(29));
      ledger.sealIfDue();
      assertEquals(0, ledger.nextIndex());
      clock.advance(Duration.ofSeconds(1));
      ledger.sealIfDue();
      assertEquals(1, ledger.nextIndex());
      assertEquals(1, ledger.blocks().get(0).block().records().size());
      ledger.sealIfDue();
      assertEquals(1, ledger.nextIndex(), "nothing pending, nothing sealed");
    }
  }

  @Test
  void recoversFromTornJournalLeftoverJournalAndHalfWrittenBlock() throws IOException {
    Path node = dir.resolve("node");
    try (Ledger ledger = open(SMALL)) {
      for (int i = 0; i < 6; i++) {
        ledger.append(record(i));
      }
    }
    // Block 1 holds records 4 and 5 (sealed on close). Recreate the kill leftovers: the journal
    // of the sealed block 1, a half-written block 2 and a torn frame in block 2's journal.
    Files.write(node.resolve("pending-000000000001.log"), new byte[] {0, 0, 0, 9, 1, 2});
    Files.write(node.resolve("blocks").resolve("000000000002.blk.tmp"), new byte[] {76, 67});
    Path journal2 = node.resolve("pending-000000000002.log");
    Files.write(journal2, new byte[] {0, 0, 0, 40, 0, 0, 0, 0, 65, 66});
    try (Ledger ledger = open(SMALL)) {
      assertFalse(Files.exists(node.resolve("pending-000000000001.log")));
      assertFalse(Files.exists(node.resolve("blocks").resolve("000000000002.blk.tmp")));
      assertEquals(0, Files.size(journal2), "the torn frame was cut off");
      assertEquals(2, ledger.nextIndex());
      assertEquals(expected(6), texts(ledger.records()));
      ledger.append(record(6));
      assertEquals(expected(7), texts(ledger.records()));
      assertTrue(ledger.verify().intact());
    }
  }

  @Test
  void aByteFlippedInEitherTierIsNamedWithItsBlockAndTier() throws IOException {
    Random random = new Random(11);
    try (Ledger ledger = open(SMALL)) {
      for (int i = 0; i < 28; i++) {
        ledger.append(record(i));
      }
    }
    // 7 blocks: 0..4 in the cloud only, 5 and 6 (the window) in both tiers.
    JdbcCloudTier cloud = cloud();
    for (int target = 0; target < 7; target++) {
      for (String tier : target >= 5 ? List.of("overlay", "cloud") : List.of("cloud")) {
        Path file = dir.resolve("node").resolve("blocks").resolve(String.format("%012d.blk",
            target));
        byte[] original = tier.equals("cloud") ? cloud.read(target).orElseThrow()
            : Files.readAllBytes(file);
        byte[] flipped = original.clone();
        int at = random.nextInt(flipped.length);
        flipped[at] ^= (byte) (1 + random.nextInt(255));
        if (tier.equals("cloud")) {
          cloud.overwrite(target, flipped);
        } else {
          Files.write(file, flipped);
        }
        try (Ledger ledger = open(SMALL)) {
          LedgerReport report = ledger.verify();
          assertFalse(report.intact(), "flip at byte " + at + " of block " + target + " in "
              + tier + " went unnoticed");
          assertEquals(target, report.failedBlock().orElseThrow(), report.detail());
          assertTrue(report.detail().startsWith("block " + target + " (" + tier), report.detail());
        }
        if (tier.equals("cloud")) {
          cloud.overwrite(target, original);
        } else {
          Files.write(file, original);
        }
      }
    }
    cloud.close();
    try (Ledger ledger = open(SMALL)) {
      assertTrue(ledger.verify().intact());
    }
  }

  @Test
  void theCloudTierRejectsABlockThatDoesNotLink() throws IOException {
    try (JdbcCloudTier cloud = cloud()) {
      cloud.put(Block.seal(0, clock.instant(), Block.GENESIS_PREVIOUS, List.of(record(0))));
      Block stray = Block.seal(1, clock.instant(), new byte[32], List.of(record(1)));
      RejectedBlockException e = assertThrows(RejectedBlockException.class, () -> cloud.put(stray));
      assertTrue(e.getMessage().contains("rejected block 1 of chain 'test-chain'"), e.getMessage());
      Block gap = Block.seal(5, clock.instant(), new byte[32], List.of());
      assertTrue(assertThrows(RejectedBlockException.class, () -> cloud.put(gap)).getMessage()
          .contains("the tier's next block is 1"));
      Block again = Block.seal(0, clock.instant(), Block.GENESIS_PREVIOUS, List.of(record(0)));
      cloud.put(again);
      assertEquals(0, cloud.head().orElseThrow().index(), "the same block again is a no-op");
    }
  }

  @Test
  void aCloudTierNeverReachedBoundsTheBacklogAndIsCaughtUpWhenItAppears() throws IOException {
    Path blocker = dir.resolve("offline");
    Files.writeString(blocker, "a file where the cloud tier's folder should be");
    JdbcCloudTier unreachable = new JdbcCloudTier(JdbcCloudTier.sqliteUrl(blocker.resolve(
        "cloud.db")), "test-chain");
    LedgerSettings settings = new LedgerSettings(2, Duration.ZERO, 1, 4, Duration.ZERO, false);
    try (Ledger ledger = Ledger.open(dir.resolve("node"), settings, unreachable, clock,
        LoggerFactory.getLogger(LedgerTest.class))) {
      int accepted = 0;
      BacklogFullException refused = null;
      while (refused == null && accepted < 50) {
        try {
          ledger.append(record(accepted));
          accepted++;
        } catch (BacklogFullException e) {
          refused = e;
        }
      }
      assertEquals(4 * 2 + 1, accepted, "four blocks of backlog and one pending record");
      assertTrue(refused.getMessage().contains("4 sealed blocks wait for cloud tier jdbc:sqlite:"
          + blocker.resolve("cloud.db")), refused.getMessage());
      assertEquals(9, ledger.records().size(), "the refused record was not stored");

      Files.delete(blocker);
      assertTrue(ledger.sync());
      assertEquals(0, ledger.backlog());
      ledger.append(record(accepted));
      LedgerReport report = ledger.verify();
      assertTrue(report.intact(), report.detail());
      assertEquals(expected(10), texts(ledger.records()));
    }
  }

  @Test
  void aJournalAppendIsOneFrameOnDisk() throws IOException {
    try (Ledger ledger = open(SMALL)) {
      ledger.append(record(0));
      Path journal = dir.resolve("node").resolve("pending-000000000000.log");
      assertEquals(8 + record(0).length, Files.size(journal));
    }
  }
}
