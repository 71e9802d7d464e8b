package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import java.io.IOException;
import org.apiguardian.api.API;

/** Opens a result store for an experiment; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface ResultStoreProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.RESULT_STORE;
  }

  /**
   * Opens the store of the experiment whose results folder is {@code context.workDirectory()},
   * creating it if new and reopening it, records intact, if it exists.
   *
   * @param codec the kernel's canonical encoding of records
   */
  ResultStore open(PluginContext context, RecordCodec codec) throws IOException;
}
