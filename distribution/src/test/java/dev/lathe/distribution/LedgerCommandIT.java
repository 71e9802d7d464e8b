package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example {@code examples/ledger-branin.yaml}, recorded in the chainsplitter ledger, through
 * the real CLI: {@code lathe ledger verify} and {@code show} on the results folder and on the
 * cloud tier's URL, resume, a flipped byte named with its block and exit code 7, and the quick
 * reproduction.
 */
class LedgerCommandIT {

  @TempDir Path dir;

  @Test
  void anExperimentInTheLedgerVerifiesResumesAndNamesATamperedBlock() throws Exception {
    Path example = Cli.ROOT.resolve("examples").resolve("ledger-branin.yaml");
    Cli.Result run = Cli.run(dir, "run", example.toString(), "--out", "out", "--quiet");
    assertEquals(0, run.exit(), run.toString());

    Cli.Result verify = Cli.run(dir, "ledger", "verify", "out");
    assertEquals(0, verify.exit(), verify.toString());
    assertTrue(verify.out().startsWith("intact: 5 blocks intact (5 in the cloud tier jdbc:sqlite:"),
        verify.toString());
    assertTrue(verify.out().contains("2 in the overlay"), verify.toString());

    Cli.Result show = Cli.run(dir, "ledger", "show", "out", "--records");
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().contains("5 blocks, 40 records sealed, 0 not yet sealed"), show.out());
    assertEquals(40, show.out().lines().filter(l -> l.contains("  completed  value=")).count(),
        show.out());

    Cli.Result resume = Cli.run(dir, "resume", "out", "--set", "budget.trials=46", "--quiet");
    assertEquals(0, resume.exit(), resume.toString());
    assertTrue(resume.out().contains("46 trials, 46 completed"), resume.toString());

    Path cloud = dir.resolve(".cache").resolve("chainsplitter").resolve("cloud.db");
    Cli.Result remote = Cli.run(dir, "ledger", "verify", "jdbc:sqlite:" + cloud);
    assertEquals(0, remote.exit(), remote.toString());
    assertTrue(remote.out().contains("6 blocks intact"), remote.toString());
    assertTrue(remote.out().contains("46 records sealed"), remote.toString());

    Path newest;
    try (Stream<Path> blocks = Files.list(dir.resolve("out").resolve("ledger").resolve("blocks"))) {
      newest = blocks.sorted().reduce((a, b) -> b).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length - 5] ^= 0x01;
    Files.write(newest, bytes);
    Cli.Result tampered = Cli.run(dir, "ledger", "verify", "out");
    assertEquals(7, tampered.exit(), tampered.toString());
    assertTrue(tampered.err().contains("block 5 (overlay "), tampered.toString());
    assertTrue(tampered.err().contains("Merkle root"), tampered.toString());

    Cli.Result nowhere = Cli.run(dir, "ledger", "verify", "jdbc:mysql://nowhere/db");
    assertEquals(2, nowhere.exit(), nowhere.toString());
    assertTrue(nowhere.err().contains("neither a results folder nor a location"), nowhere.err());
  }

  @Test
  void theQuickReproductionReproducesEveryClaim() throws Exception {
    Cli.Result r = Cli.run(dir, "reproduce", "chainsplitter", "--quick");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("edge-storage: reproduced"), r.out());
    assertTrue(r.out().contains("cloud-sync: reproduced"), r.out());
    assertTrue(r.out().contains("verifiable: reproduced"), r.out());
  }
}
