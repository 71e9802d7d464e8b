package dev.lathe.core.internal.cli;

import dev.lathe.api.store.Block;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lathe ledger verify|show LOCATION}: checks or lists the store of a results folder, or a
 * store at a URL, through whichever store plugin keeps it; nothing here knows a store's format.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Verify or show a result store: a results folder's, or one at a URL that a"
        + " store plugin keeps (e.g. a chainsplitter cloud tier's JDBC URL).",
    subcommands = {LedgerCommand.Verify.class, LedgerCommand.Show.class})
final class LedgerCommand {

  @ParentCommand LatheCommand root;

  /** What both subcommands take. */
  abstract static class StoreCommand implements Callable<Integer> {

    @ParentCommand LedgerCommand ledger;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR|URL", description = "A results folder, or a store's URL,"
        + " e.g. jdbc:postgresql://host/db?user=u or jdbc:sqlite:/path/cloud.db.")
    String location;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting of the store"
        + " plugin, for a URL only, e.g. --set chain=NAME.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
      try (Lathe lathe = ledger.root.open(); ResultStore store = lathe.openStore(location,
          settings)) {
        return run(store, spec.commandLine().getOut());
      } catch (IOException e) {
        throw new LatheException(LatheException.Kind.IO, location + ": " + e.getMessage(), e);
      }
    }

    abstract int run(ResultStore store, PrintWriter out) throws IOException;
  }

  /** {@code lathe ledger verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check every record"
      + " of the store; a ledger walks its whole chain and names the first block that fails."
      + " Exit code 7 if the store is not intact.")
  static final class Verify extends StoreCommand {

    @Override
    int run(ResultStore store, PrintWriter out) throws IOException {
      Verification v = store.verify();
      if (v.intact()) {
        out.println("intact: " + v.detail());
        return 0;
      }
      spec.commandLine().getErr().println("lathe: " + location + " is not intact: " + v.detail());
      return LatheException.Kind.NOT_VERIFIED.exitCode();
    }
  }

  /** {@code lathe ledger show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the store's"
      + " blocks (index, sealing time, tier, hashes) and, with --records, their records.")
  static final class Show extends StoreCommand {

    @Option(names = "--records", description = "Print every record under its block.")
    boolean records;

    @Override
    int run(ResultStore store, PrintWriter out) throws IOException {
      List<Block> blocks = store.blocks();
      int sealed = 0;
      for (Block b : blocks) {
        out.printf(Locale.ROOT, "block %d  sealed %s  %s  %d records  hash %s  previous %s"
            + "  merkle %s%n", b.index(), b.sealed(), b.tier(), b.records().size(), b.hash(),
            b.previousHash(), b.merkleRoot());
        if (records) {
          b.records().forEach(r -> out.println("  " + line(r)));
        }
        sealed += b.records().size();
      }
      List<TrialRecord> all = store.readAll();
      if (blocks.isEmpty()) {
        out.println("store '" + store.id() + "' keeps no blocks; " + all.size() + " records");
      } else {
        out.println(blocks.size() + " blocks, " + sealed + " records sealed, "
            + (all.size() - sealed) + " not yet sealed");
      }
      if (records) {
        all.subList(Math.min(sealed, all.size()), all.size())
            .forEach(r -> out.println("  (unsealed) " + line(r)));
      }
      return 0;
    }

    private static String line(TrialRecord r) {
      return r.trialId() + "  #" + r.number() + "  " + r.status().name().toLowerCase(Locale.ROOT)
          + "  " + r.metrics().all().stream().map(m -> m.name() + "="
              + String.format(Locale.ROOT, "%.6g", m.value())).collect(Collectors.joining(" "))
          + (r.failure() != null ? "  failure: " + r.failure().lines().findFirst().orElse("")
              : "") + "  at " + r.candidate();
    }
  }
}
