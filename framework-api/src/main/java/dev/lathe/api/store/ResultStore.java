package dev.lathe.api.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where an experiment's trial records go: append, read back, verify. The kernel appends each
 * trial once it is final; when {@link #append} returns, the record must survive the process
 * being killed (written to the operating system; an {@code fsync} may be batched).
 *
 * <p>A store deduplicates by trial id: appending a record whose id is already stored is
 * ignored and reported as {@code false}, because distributed executors may run a trial twice.
 */
@API(status = STABLE, since = "0.1")
public interface ResultStore extends AutoCloseable {

  /** The id of the plugin that made this store. */
  String id();

  /**
   * Appends one final trial record.
   *
   * @return {@code true} if stored, {@code false} if a record with that trial id already was
   */
  boolean append(TrialRecord record) throws IOException;

  /** Every stored record, in the order appended. */
  List<TrialRecord> readAll() throws IOException;

  /**
   * Checks the stored records' integrity. Default: reads them all back, which fails on a
   * corrupt store.
   */
  default Verification verify() throws IOException {
    int n = readAll().size();
    return Verification.ok(n, "read back " + n + " records");
  }

  /**
   * The store's sealed blocks, oldest first, if it keeps its records in a hash chain; records
   * not yet sealed into a block are in {@link #readAll()} only. Default: none, the store keeps no
   * blocks.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default List<Block> blocks() throws IOException {
    return List.of();
  }

  /** Forces appended records to stable storage. Default: nothing to do. */
  default void sync() throws IOException {}

  /** Syncs and releases the store's resources. */
  @Override
  default void close() throws IOException {
    sync();
  }
}
