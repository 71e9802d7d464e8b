package dev.lathe.core.internal.store;

import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A store in memory only, for embedded use and benchmarks: nothing survives the process. */
public final class MemoryStoreProvider implements ResultStoreProvider {

  static final String ID = "memory";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, LatheApi.VERSION.toString(),
        "In-memory store; records are lost when the process ends",
        "[" + LatheApi.VERSION.release() + "]");
  }

  @Override
  public ResultStore open(PluginContext context, RecordCodec codec) {
    return new MemoryResultStore();
  }

  private static final class MemoryResultStore implements ResultStore {
    private final List<TrialRecord> records = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    @Override
    public String id() {
      return ID;
    }

    @Override
    public synchronized boolean append(TrialRecord record) {
      if (!ids.add(record.trialId())) {
        return false;
      }
      records.add(record);
      return true;
    }

    @Override
    public synchronized List<TrialRecord> readAll() {
      return List.copyOf(records);
    }
  }
}
