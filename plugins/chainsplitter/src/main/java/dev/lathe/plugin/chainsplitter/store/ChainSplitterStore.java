package dev.lathe.plugin.chainsplitter.store;

import dev.lathe.api.store.Block;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.plugin.chainsplitter.chain.Sha256;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerReport;
import dev.lathe.plugin.chainsplitter.ledger.LocatedBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Trial records in a ChainSplitter {@link Ledger}, each encoded with the kernel's codec as one
 * record of a block. The records are read from the ledger on first use (so that a store over a
 * damaged chain still opens, for {@link #verify}), then kept in memory with their trial ids for
 * deduplication. When the ledger seals by time, a daemon thread checks every quarter interval.
 */
final class ChainSplitterStore implements ResultStore {

  private final Ledger ledger;
  private final RecordCodec codec;
  private final Logger log;
  private final ScheduledExecutorService sealer;
  private List<TrialRecord> records;
  private Set<String> ids;

  /**
   * A store over {@code ledger}.
   *
   * @param sealEveryMillis how often to seal a partial block that is due; 0: never by time
   */
  ChainSplitterStore(Ledger ledger, RecordCodec codec, Logger log, long sealEveryMillis) {
    this.ledger = ledger;
    this.codec = codec;
    this.log = log;
    if (sealEveryMillis > 0) {
      this.sealer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chainsplitter-sealer");
        t.setDaemon(true);
        return t;
      });
      sealer.scheduleWithFixedDelay(this::sealIfDue, sealEveryMillis, sealEveryMillis,
          TimeUnit.MILLISECONDS);
    } else {
      this.sealer = null;
    }
  }

  private void sealIfDue() {
    try {
      ledger.sealIfDue();
    } catch (IOException | RuntimeException e) {
      log.warn("chainsplitter: sealing by time failed: {}", e.toString());
    }
  }

  @Override
  public String id() {
    return ChainSplitterStoreProvider.ID;
  }

  /** The ledger under this store. */
  Ledger ledger() {
    return ledger;
  }

  @Override
  public synchronized boolean append(TrialRecord record) throws IOException {
    load();
    if (ids.contains(record.trialId())) {
      return false;
    }
    ledger.append(codec.encode(record));
    ids.add(record.trialId());
    records.add(record);
    return true;
  }

  @Override
  public synchronized List<TrialRecord> readAll() throws IOException {
    load();
    return List.copyOf(records);
  }

  private void load() throws IOException {
    if (records != null) {
      return;
    }
    List<TrialRecord> read = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (byte[] bytes : ledger.records()) {
      TrialRecord r = decode(bytes);
      if (seen.add(r.trialId())) {
        read.add(r);
      }
    }
    records = read;
    ids = seen;
  }

  private TrialRecord decode(byte[] bytes) throws IOException {
    try {
      return codec.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new IOException("chainsplitter: a record of the ledger is not a trial record: "
          + e.getMessage(), e);
    }
  }

  /**
   * Walks the chain across both tiers (see {@link Ledger#verify}), then checks that every record
   * decodes and no trial id is stored twice.
   */
  @Override
  public synchronized Verification verify() throws IOException {
    LedgerReport report = ledger.verify();
    if (!report.intact()) {
      return Verification.failed(report.records(), report.detail());
    }
    Set<String> seen = new HashSet<>();
    long n = 0;
    for (byte[] bytes : ledger.records()) {
      TrialRecord r;
      try {
        r = codec.decode(bytes);
      } catch (IllegalArgumentException e) {
        return Verification.failed(n, "record " + n + " does not decode: " + e.getMessage());
      }
      if (!seen.add(r.trialId())) {
        return Verification.failed(n, "trial " + r.trialId() + " (number " + r.number()
            + ") is stored twice");
      }
      n++;
    }
    return Verification.ok(n, report.detail() + "; every record decodes, no trial id twice");
  }

  @Override
  public synchronized List<Block> blocks() throws IOException {
    List<Block> out = new ArrayList<>();
    for (LocatedBlock b : ledger.blocks()) {
      List<TrialRecord> decoded = new ArrayList<>();
      for (byte[] bytes : b.block().records()) {
        decoded.add(decode(bytes));
      }
      out.add(apiBlock(b.block(), b.where().label(), decoded));
    }
    return out;
  }

  /** {@code block} as the API's view of it, with its records decoded. */
  static Block apiBlock(dev.lathe.plugin.chainsplitter.chain.Block block, String tier,
      List<TrialRecord> records) {
    return new Block(block.index(), block.sealed(), Sha256.hex(block.hash()),
        Sha256.hex(block.previousHash()), Sha256.hex(block.merkleRoot()), tier, records);
  }

  /**
   * Tries to ship every sealed block to the cloud tier. An unreachable tier is logged and tried
   * again later; a block that the tier rejects is thrown as a
   * {@link dev.lathe.plugin.chainsplitter.tier.RejectedBlockException}.
   */
  @Override
  public synchronized void sync() throws IOException {
    ledger.sync();
  }

  /** Seals the pending records into a last block, ships what it can, and closes the ledger. */
  @Override
  public synchronized void close() throws IOException {
    if (sealer != null) {
      sealer.shutdownNow();
    }
    ledger.close();
  }
}
