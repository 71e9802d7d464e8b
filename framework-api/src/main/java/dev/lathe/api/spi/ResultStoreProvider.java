package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
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

  /**
   * Whether this provider keeps stores at locations like {@code location}, a URL other than a
   * results folder (e.g. a database's JDBC URL), that {@link #openAt} can open. Default: false.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default boolean keepsStoresAt(String location) {
    return false;
  }

  /**
   * Opens, to read and verify it, the store at {@code location}, for which
   * {@link #keepsStoresAt} is true; {@code lathe ledger verify URL} calls it. The store may refuse
   * appends. Default: refuses, as no location is kept.
   *
   * @param context the plugin's settings, e.g. which of several stores at the location
   * @param codec the kernel's canonical encoding of records
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default ResultStore openAt(String location, PluginContext context, RecordCodec codec)
      throws IOException {
    throw new UnsupportedOperationException(info().id() + " keeps no stores at " + location);
  }
}
