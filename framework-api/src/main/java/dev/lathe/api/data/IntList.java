package dev.lathe.api.data;

import java.util.Arrays;

/** A growable list of ints, without boxing. */
final class IntList {

  private int[] values = new int[64];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = value;
  }

  void add(int a, int b, int c) {
    add(a);
    add(b);
    add(c);
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
