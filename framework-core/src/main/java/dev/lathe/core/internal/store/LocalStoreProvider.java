package dev.lathe.core.internal.store;

import dev.lathe.api.LatheApi;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import java.io.IOException;

/** The default store: {@code trials.jsonl} in the experiment's results folder. */
public final class LocalStoreProvider implements ResultStoreProvider {

  static final String ID = "local";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, LatheApi.VERSION.toString(),
        "Append-only JSON-lines file in the results folder", "[" + LatheApi.VERSION.release() + "]");
  }

  @Override
  public ResultStore open(PluginContext context, RecordCodec codec) throws IOException {
    return new LocalResultStore(context.workDirectory(), codec);
  }
}
