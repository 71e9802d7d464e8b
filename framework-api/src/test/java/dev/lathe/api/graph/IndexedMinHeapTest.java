package dev.lathe.api.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexedMinHeapTest {

  @Test
  void pollsInKeyOrderAfterDecreases() {
    double[] key = {5, 3, 8, 1, 9};
    IndexedMinHeap heap = new IndexedMinHeap(5, key);
    for (int v = 0; v < 5; v++) {
      heap.insertOrDecrease(v);
    }
    key[4] = 0;
    heap.insertOrDecrease(4);
    key[2] = 2;
    heap.insertOrDecrease(2);
    assertEquals(4, heap.peekMin());
    int[] order = new int[5];
    for (int i = 0; i < 5; i++) {
      order[i] = heap.pollMin();
    }
    assertArrayEquals(new int[] {4, 3, 2, 1, 0}, order);
    assertTrue(heap.isEmpty());
    assertThrows(NoSuchElementException.class, heap::pollMin);
  }

  @Test
  void matchesSortingOnRandomKeysAndCanBeReused() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 500;
    double[] key = new double[n];
    IndexedMinHeap heap = new IndexedMinHeap(n, key);
    for (int round = 0; round < 3; round++) {
      for (int v = 0; v < n; v++) {
        key[v] = random.nextDouble();
        heap.insertOrDecrease(v);
      }
      double last = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n / 2; i++) {
        int v = heap.pollMin();
        assertFalse(heap.contains(v));
        assertTrue(key[v] >= last, "polled in key order");
        last = key[v];
      }
      heap.clear();
      assertTrue(heap.isEmpty());
      for (int v = 0; v < n; v++) {
        assertFalse(heap.contains(v), "clear forgets every queued vertex");
      }
    }
  }

  @Test
  void needsOneKeyPerVertex() {
    assertEquals("a heap of 3 vertices needs 3 keys, got 2", assertThrows(
        IllegalArgumentException.class, () -> new IndexedMinHeap(3, new double[2])).getMessage());
  }
}
