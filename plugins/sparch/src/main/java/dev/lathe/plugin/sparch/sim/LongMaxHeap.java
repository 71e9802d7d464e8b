package dev.lathe.plugin.sparch.sim;

import java.util.Arrays;

/** A binary max-heap of longs, for the prefetcher's buffer ranks. */
final class LongMaxHeap {

  private long[] heap = new long[64];
  private int size;

  int size() {
    return size;
  }

  void push(long value) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, 2 * size);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (heap[parent] >= value) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = value;
  }

  long peek() {
    return heap[0];
  }

  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1] > heap[child]) {
        child++;
      }
      if (heap[child] <= last) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    if (size > 0) {
      heap[i] = last;
    }
    return top;
  }

  /** Replaces the contents with one entry per buffered line, its current rank. */
  void rebuild(long[] rank, int[] bufferedLines, int count) {
    size = 0;
    for (int i = 0; i < count; i++) {
      push(rank[bufferedLines[i]] << 31 | bufferedLines[i]);
    }
  }
}
