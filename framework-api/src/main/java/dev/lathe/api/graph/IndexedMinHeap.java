package dev.lathe.api.graph;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.apiguardian.api.API;

/**
 * A binary min-heap of the vertices {@code 0..n-1} keyed by an array the caller owns and
 * updates ({@code key[v]}), with each vertex's position kept for decrease-key: the queue of
 * Dijkstra-like searches. O(log n) per insertion, decrease and removal, O(n) space. After a
 * key falls, {@link #insertOrDecrease} restores the order; keys of queued vertices must never
 * rise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IndexedMinHeap {

  private final int[] heap;
  private final int[] position;
  private final double[] key;
  private int size;

  /** An empty heap over the vertices {@code 0..n-1}, ordered by {@code key} (length n). */
  public IndexedMinHeap(int n, double[] key) {
    if (key.length != n) {
      throw new IllegalArgumentException("a heap of " + n + " vertices needs " + n + " keys, got "
          + key.length);
    }
    this.heap = new int[n];
    this.position = new int[n];
    Arrays.fill(position, -1);
    this.key = key;
  }

  /** Whether no vertex is queued. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether {@code v} is queued. */
  public boolean contains(int v) {
    return position[v] >= 0;
  }

  /** Queues {@code v}, or restores the heap's order after its key fell if it is queued. */
  public void insertOrDecrease(int v) {
    int i = position[v];
    if (i < 0) {
      i = size++;
      heap[i] = v;
      position[v] = i;
    }
    siftUp(i);
  }

  /**
   * The queued vertex with the smallest key, left queued.
   *
   * @throws NoSuchElementException if the heap is empty
   */
  public int peekMin() {
    if (size == 0) {
      throw new NoSuchElementException("the heap is empty");
    }
    return heap[0];
  }

  /**
   * Removes and returns the queued vertex with the smallest key.
   *
   * @throws NoSuchElementException if the heap is empty
   */
  public int pollMin() {
    int min = peekMin();
    position[min] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      position[heap[0]] = 0;
      siftDown(0);
    }
    return min;
  }

  /** Removes every queued vertex, in time proportional to their number. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      position[heap[i]] = -1;
    }
    size = 0;
  }

  private void siftUp(int i) {
    int v = heap[i];
    double k = key[v];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (key[p] <= k) {
        break;
      }
      heap[i] = p;
      position[p] = i;
      i = parent;
    }
    heap[i] = v;
    position[v] = i;
  }

  private void siftDown(int i) {
    int v = heap[i];
    double k = key[v];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
        child++;
      }
      if (key[heap[child]] >= k) {
        break;
      }
      heap[i] = heap[child];
      position[heap[i]] = i;
      i = child;
    }
    heap[i] = v;
    position[v] = i;
  }
}
