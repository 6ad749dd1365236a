package dev.polyvirt.models.datacenter;

import java.util.Arrays;

/** A binary min-heap of tasks keyed by the work mark at which each finishes (allocation-free once grown). */
final class TaskHeap {
  private double[] key = new double[4];
  private int[] task = new int[4];
  private int size;

  int size() {
    return size;
  }

  double minKey() {
    return key[0];
  }

  int minTask() {
    return task[0];
  }

  /** Returns the {@code i}-th task in heap order (0 ≤ i < size). */
  int taskAt(int i) {
    return task[i];
  }

  /** Returns the key (finishing work mark) of the {@code i}-th task in heap order. */
  double keyAt(int i) {
    return key[i];
  }

  /** Removes every task. */
  void clear() {
    size = 0;
  }

  void push(double k, int t) {
    if (size == key.length) {
      key = Arrays.copyOf(key, size * 2);
      task = Arrays.copyOf(task, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (key[p] < k || (key[p] == k && task[p] < t)) break;
      key[i] = key[p];
      task[i] = task[p];
      i = p;
    }
    key[i] = k;
    task[i] = t;
  }

  void pop() {
    double k = key[--size];
    int t = task[size];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (key[c + 1] < key[c] || (key[c + 1] == key[c] && task[c + 1] < task[c]))) c++;
      if (k < key[c] || (k == key[c] && t < task[c])) break;
      key[i] = key[c];
      task[i] = task[c];
      i = c;
    }
    key[i] = k;
    task[i] = t;
  }
}
