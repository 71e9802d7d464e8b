package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import dev.lathe.core.internal.store.JsonRecordCodec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ResultStore}: records read back in the order appended and equal to
 * what was appended (unusual values included); a second record with a stored trial id refused
 * with {@code false} and not stored, also after reopening; reopening keeps every record;
 * {@code verify()} finds an intact store intact.
 *
 * <p>Each test opens the store with {@link ResultStoreProvider#open} on a context whose work
 * folder lies in the test's temporary folder, so reopening finds the same experiment, and with
 * the kernel's record codec, as in a real run.
 *
 * <pre>{@code
 * class MyStoreTest extends ResultStoreContract {
 *   @Override protected ResultStoreProvider provider() { return new MyStoreProvider(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ResultStoreContract extends PluginProviderContract<ResultStoreProvider> {

  private static final Instant START = Instant.parse("2025-03-01T12:00:00.123456789Z");

  /** For subclasses. */
  protected ResultStoreContract() {}

  /** The codec the store is opened with. Default: the kernel's own, a {@link JsonRecordCodec}. */
  protected RecordCodec codec() {
    return new JsonRecordCodec();
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.RESULT_STORE;
  }

  @Override
  protected final String instanceId() throws IOException {
    try (ResultStore store = openStore()) {
      return store.id();
    }
  }

  /** The store of the current test's experiment, opened (or reopened) through the provider. */
  protected final ResultStore openStore() throws IOException {
    ResultStore store = provider().open(context(), codec());
    assertNotNull(store, () -> plugin() + ": open() returned null");
    return store;
  }

  /**
   * Sample records {@code from} to {@code from + count - 1}: completed and failed trials,
   * several attempts, every kind of candidate value. Trial ids are {@code trial-<number>}.
   */
  protected static List<TrialRecord> records(int from, int count) {
    List<TrialRecord> out = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("width", 8L * (n + 1));
      values.put("rate", 1e-3 * (n + 1));
      values.put("activation", n % 2 == 0 ? "relu" : "gelu");
      values.put("residual", n % 3 == 0);
      boolean failed = n % 4 == 3;
      Metrics metrics = failed ? Metrics.empty() : Metrics.builder()
          .add("accuracy", 0.5 + n / 1000.0, "", Origin.PREDICTED)
          .add("latency_ms", 1.25 * n, "ms", Origin.MEASURED)
          .build();
      out.add(new TrialRecord("trial-" + n, n, 1 + n % 3, Candidate.of(values),
          failed ? TrialRecord.Status.FAILED : TrialRecord.Status.COMPLETED, metrics,
          failed ? "java.lang.IllegalStateException: trial " + n + " diverged" : null,
          START.plusMillis(1500L * n), Duration.ofMillis(250 + n), "local-" + (n % 4)));
    }
    return out;
  }

  /** Checks that a new store reads back nothing and verifies intact. */
  @Test
  public void newStoreIsEmpty() throws IOException {
    try (ResultStore store = openStore()) {
      assertEquals(List.of(), store.readAll(),
          () -> plugin() + ": a store opened in an empty folder already has records");
      Verification v = store.verify();
      assertTrue(v.intact(), () -> plugin() + ": verify() of an empty store failed: " + v.detail());
      assertEquals(0, v.records(), () -> plugin() + ": verify() of an empty store counted "
          + v.records() + " records");
    }
  }

  /** Checks that appended records come back equal and in the order appended. */
  @Test
  public void appendThenReadAllInOrder() throws IOException {
    List<TrialRecord> records = records(0, 12);
    try (ResultStore store = openStore()) {
      for (TrialRecord r : records) {
        assertTrue(store.append(r),
            () -> plugin() + ": append(" + r.trialId() + ") returned false for a new trial id");
      }
      assertEquals(records, store.readAll(),
          () -> plugin() + ": readAll() does not return the appended records, in order");
    }
  }

  /**
   * Checks that records with unusual values come back equal: NaN and infinite metrics, quotes,
   * line breaks and non-ASCII text in the failure, extreme numbers in the candidate.
   */
  @Test
  public void unusualValuesRoundTrip() throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tiny", Double.MIN_VALUE);
    values.put("huge", -Double.MAX_VALUE);
    values.put("big", Long.MAX_VALUE);
    values.put("label", "µ-net \"v2\" \\ 中文");
    TrialRecord failedMeasurement = new TrialRecord("trial-unusual-0", 0, 1, Candidate.of(values),
        TrialRecord.Status.COMPLETED, Metrics.builder()
            .add("energy_j", Double.NaN, "J", Origin.SIMULATED)
            .add("latency_ms", Double.POSITIVE_INFINITY, "ms", Origin.MEASURED)
            .add("slack", Double.NEGATIVE_INFINITY, "", Origin.ANALYTIC)
            .build(), null, START, Duration.ZERO, "worker \"α\"");
    TrialRecord failed = new TrialRecord("trial-unusual-1", 1, 3, Candidate.of(values),
        TrialRecord.Status.FAILED, Metrics.empty(),
        "java.lang.OutOfMemoryError: Java heap space\n\tat Trainer.step(Trainer.java:42)",
        START.plusNanos(1), Duration.ofNanos(987_654_321_012L), "member 10.0.0.7:5701");
    try (ResultStore store = openStore()) {
      store.append(failedMeasurement);
      store.append(failed);
    }
    try (ResultStore store = openStore()) {
      assertEquals(List.of(failedMeasurement, failed), store.readAll(), () -> plugin()
          + ": records with NaN, infinities, quotes, line breaks or non-ASCII text came back"
          + " changed after reopening");
    }
  }

  /** Checks that a second record with a stored trial id is refused and not stored. */
  @Test
  public void duplicateTrialIdIsRefused() throws IOException {
    List<TrialRecord> records = records(0, 4);
    TrialRecord rerun = records(7, 1).get(0);
    TrialRecord duplicate = new TrialRecord(records.get(1).trialId(), rerun.number(),
        rerun.attempts(), rerun.candidate(), rerun.status(), rerun.metrics(), rerun.failure(),
        rerun.started(), rerun.duration(), rerun.worker());
    try (ResultStore store = openStore()) {
      for (TrialRecord r : records) {
        store.append(r);
      }
      assertFalse(store.append(duplicate), () -> plugin() + ": append() of a second record"
          + " with trial id " + duplicate.trialId() + " returned true; it must return false");
      assertEquals(records, store.readAll(), () -> plugin() + ": a second record with trial id "
          + duplicate.trialId() + " was stored or changed the first; it must be ignored");
    }
  }

  /** Checks that closing and reopening keeps every record, and that appends continue after them. */
  @Test
  public void reopenKeepsRecordsIntact() throws IOException {
    List<TrialRecord> first = records(0, 6);
    List<TrialRecord> second = records(6, 5);
    try (ResultStore store = openStore()) {
      for (TrialRecord r : first) {
        store.append(r);
      }
    }
    try (ResultStore store = openStore()) {
      assertEquals(first, store.readAll(),
          () -> plugin() + ": records appended before close() are not all there after reopening");
      for (TrialRecord r : second) {
        assertTrue(store.append(r), () -> plugin() + ": append(" + r.trialId()
            + ") after reopening returned false for a new trial id");
      }
    }
    List<TrialRecord> all = new ArrayList<>(first);
    all.addAll(second);
    try (ResultStore store = openStore()) {
      assertEquals(all, store.readAll(), () -> plugin()
          + ": after two sessions readAll() does not return every record in the order appended");
    }
  }

  /** Checks that a trial id stored before reopening is still refused after it. */
  @Test
  public void duplicateTrialIdIsRefusedAfterReopen() throws IOException {
    List<TrialRecord> records = records(0, 3);
    try (ResultStore store = openStore()) {
      for (TrialRecord r : records) {
        store.append(r);
      }
    }
    try (ResultStore store = openStore()) {
      assertFalse(store.append(records.get(2)), () -> plugin() + ": after reopening, append()"
          + " of stored trial id " + records.get(2).trialId() + " returned true; a resumed"
          + " experiment would store it twice");
      assertEquals(records, store.readAll(),
          () -> plugin() + ": after reopening, a duplicate append changed the records");
    }
  }

  /** Checks that verify() finds a store intact and counts its records, before and after reopening. */
  @Test
  public void verifyFindsAnIntactStoreIntact() throws IOException {
    List<TrialRecord> records = records(0, 9);
    try (ResultStore store = openStore()) {
      for (TrialRecord r : records) {
        store.append(r);
      }
      store.sync();
      assertIntact(store.verify(), records.size(), "after appending");
    }
    try (ResultStore store = openStore()) {
      assertIntact(store.verify(), records.size(), "after reopening");
    }
  }

  private void assertIntact(Verification v, int count, String when) {
    assertNotNull(v, () -> plugin() + ": verify() returned null");
    assertTrue(v.intact(), () -> plugin() + ": verify() " + when + " " + count
        + " appends found the store broken: " + v.detail());
    assertEquals(count, v.records(), () -> plugin() + ": verify() " + when + " " + count
        + " appends counted " + v.records() + " records");
  }
}
