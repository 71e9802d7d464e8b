package dev.lathe.plugin.chainsplitter.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.plugin.chainsplitter.ledger.BacklogFullException;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerReport;
import dev.lathe.plugin.chainsplitter.ledger.LedgerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The cloud tier on a real PostgreSQL server: shipping, tampering, an outage and catching up. */
class PostgresCloudTierTest {

  private static PostgresServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private Ledger open(String chain, LedgerSettings settings) throws IOException {
    return Ledger.open(dir.resolve(chain), settings, new JdbcCloudTier(server.url(), chain),
        Clock.systemUTC(), LoggerFactory.getLogger(PostgresCloudTierTest.class));
  }

  private static byte[] record(int i) {
    return ("reading " + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoChainsShareTheServerAndAByteFlipThereIsNamed() throws Exception {
    LedgerSettings settings = new LedgerSettings(5, Duration.ZERO, 1, 100, Duration.ZERO, false);
    try (Ledger a = open("node-a", settings); Ledger b = open("node-b", settings)) {
      for (int i = 0; i < 40; i++) {
        a.append(record(i));
        b.append(record(1000 + i));
      }
      assertEquals(8, a.nextIndex());
      assertTrue(a.verify().intact(), a.verify().detail());
      assertTrue(b.verify().intact());
    }
    assertTrue(JdbcCloudTier.chains(server.url()).containsAll(List.of("node-a", "node-b")));
    try (JdbcCloudTier tier = new JdbcCloudTier(server.url(), "node-a")) {
      byte[] bytes = tier.read(3).orElseThrow();
      bytes[bytes.length - 2] ^= 0x20;
      tier.overwrite(3, bytes);
      LedgerReport report = Ledger.verifyCloud(tier);
      assertFalse(report.intact());
      assertEquals(3, report.failedBlock().orElseThrow());
      assertTrue(report.detail().startsWith("block 3 (cloud tier jdbc:postgresql://127.0.0.1:"),
          report.detail());
      assertTrue(report.detail().contains("Merkle root"), report.detail());
    }
    try (JdbcCloudTier tier = new JdbcCloudTier(server.url(), "node-b")) {
      assertTrue(Ledger.verifyCloud(tier).intact(), "the other chain is untouched");
    }
  }

  @Test
  void anOutageFillsABoundedBacklogThenRefusesThenCatchesUp() throws Exception {
    LedgerSettings settings = new LedgerSettings(2, Duration.ZERO, 1, 3, Duration.ZERO, false);
    try (Ledger ledger = open("outage", settings)) {
      for (int i = 0; i < 4; i++) {
        ledger.append(record(i));
      }
      assertEquals(0, ledger.backlog());
      server.stopServer();
      int accepted = 4;
      BacklogFullException refused = null;
      while (refused == null && accepted < 100) {
        try {
          ledger.append(record(accepted));
          accepted++;
        } catch (BacklogFullException e) {
          refused = e;
        }
      }
      assertEquals(4 + 3 * 2 + 1, accepted, "three blocks of backlog and one pending record");
      assertEquals(3, ledger.backlog());
      assertTrue(refused.getMessage().contains("3 sealed blocks wait for cloud tier "
          + server.url()), refused.getMessage());
      assertTrue(refused.getMessage().contains("max-backlog 3"), refused.getMessage());
      assertTrue(refused.getMessage().contains("record was not stored"), refused.getMessage());
      LedgerReport during = ledger.verify();
      assertFalse(during.intact(), "the evicted blocks are out of reach");
      assertTrue(during.detail().contains("the cloud tier is unreachable"), during.detail());

      server.startServer();
      ledger.append(record(accepted));
      accepted++;
      assertEquals(0, ledger.backlog(), "the sync caught up");
      LedgerReport after = ledger.verify();
      assertTrue(after.intact(), after.detail());
      assertEquals(accepted, after.records());
      assertEquals(accepted, ledger.records().size());
    }
  }

  @Test
  void anUnreachableServerIsReportedNotHidden() {
    JdbcCloudTier nowhere = new JdbcCloudTier("jdbc:postgresql://127.0.0.1:1/x?user=u&password=s3cret", "c");
    IOException e = assertThrows(IOException.class, nowhere::head);
    assertTrue(e.getMessage().startsWith("cloud tier jdbc:postgresql://127.0.0.1:1/x?user=u&password=***: cannot read the head"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"));
  }
}
