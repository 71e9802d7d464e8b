package dev.lathe.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryStoreProviderTest {

  private static TrialRecord record(long n, double value) {
    return new TrialRecord("trial-" + n, n, 1, Candidate.of(Map.of("x", n)),
        TrialRecord.Status.COMPLETED,
        Metrics.builder().add("value", value, "", Origin.ANALYTIC).build(), null,
        Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1), "local");
  }

  private static ResultStore open() {
    return new MemoryStoreProvider().open(null, new JsonRecordCodec());
  }

  @Test
  void keepsRecordsInOrderAndRefusesADuplicateId() throws IOException {
    try (ResultStore store = open()) {
      assertEquals("memory", store.id());
      assertTrue(store.append(record(2, 0.5)));
      assertTrue(store.append(record(1, 0.25)));
      assertFalse(store.append(record(2, 99)));
      assertEquals(List.of(record(2, 0.5), record(1, 0.25)), store.readAll());
      Verification v = store.verify();
      assertTrue(v.intact());
      assertEquals(2, v.records());
      assertEquals("read back 2 records", v.detail());
      assertThrows(UnsupportedOperationException.class, () -> store.readAll().add(record(3, 0)));
    }
  }

  @Test
  void eachOpenStartsEmpty() throws IOException {
    try (ResultStore first = open()) {
      first.append(record(1, 1));
    }
    try (ResultStore second = open()) {
      assertEquals(List.of(), second.readAll());
    }
  }

  @Test
  void concurrentAppendsOfTheSameIdsStoreEachOnce() throws Exception {
    ResultStore store = open();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> stored = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        stored.add(pool.submit(() -> {
          int count = 0;
          for (long n = 0; n < 500; n++) {
            if (store.append(record(n, n))) {
              count++;
            }
          }
          return count;
        }));
      }
      int total = 0;
      for (Future<Integer> f : stored) {
        total += f.get(10, TimeUnit.SECONDS);
      }
      assertEquals(500, total);
      assertEquals(500, store.readAll().size());
    } finally {
      pool.shutdownNow();
    }
  }
}
