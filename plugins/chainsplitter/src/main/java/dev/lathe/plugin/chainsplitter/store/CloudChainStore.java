package dev.lathe.plugin.chainsplitter.store;

import dev.lathe.api.store.Block;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.plugin.chainsplitter.ledger.Ledger;
import dev.lathe.plugin.chainsplitter.ledger.LedgerReport;
import dev.lathe.plugin.chainsplitter.tier.CloudTier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of the part of a chain that a cloud tier holds, for {@code lathe ledger
 * verify URL} and {@code lathe ledger show URL}: what any node, or an auditor, can check without
 * the overlay of the node that wrote it.
 */
final class CloudChainStore implements ResultStore {

  private final CloudTier cloud;
  private final RecordCodec codec;

  CloudChainStore(CloudTier cloud, RecordCodec codec) {
    this.cloud = cloud;
    this.codec = codec;
  }

  @Override
  public String id() {
    return ChainSplitterStoreProvider.ID;
  }

  /** Refuses: only the node that owns the chain appends to it, through its overlay. */
  @Override
  public boolean append(TrialRecord record) throws IOException {
    throw new IOException("chainsplitter: the cloud tier " + cloud.location()
        + " is opened read-only, for verifying and showing its chain");
  }

  @Override
  public List<TrialRecord> readAll() throws IOException {
    List<TrialRecord> out = new ArrayList<>();
    for (Block b : blocks()) {
      out.addAll(b.records());
    }
    return out;
  }

  @Override
  public Verification verify() throws IOException {
    LedgerReport report = Ledger.verifyCloud(cloud);
    return report.intact() ? Verification.ok(report.records(), report.detail())
        : Verification.failed(report.records(), report.detail());
  }

  @Override
  public List<Block> blocks() throws IOException {
    List<Block> out = new ArrayList<>();
    for (dev.lathe.plugin.chainsplitter.chain.Block b : Ledger.cloudBlocks(cloud)) {
      List<TrialRecord> records = new ArrayList<>();
      for (byte[] bytes : b.records()) {
        try {
          records.add(codec.decode(bytes));
        } catch (IllegalArgumentException e) {
          throw new IOException("chainsplitter: block " + b.index() + " of " + cloud.location()
              + " holds a record that is not a trial record: " + e.getMessage(), e);
        }
      }
      out.add(ChainSplitterStore.apiBlock(b, "cloud", records));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    cloud.close();
  }
}
