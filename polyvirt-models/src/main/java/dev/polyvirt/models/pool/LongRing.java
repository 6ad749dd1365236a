package dev.polyvirt.models.pool;

import java.util.Arrays;

/** A growable FIFO ring of pairs of longs (arrival time, service time): queues allocate nothing per request. */
final class LongRing {
  private long[] a = new long[16];
  private long[] b = new long[16];
  private int head;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(long x, long y) {
    if (size == a.length) grow();
    int i = (head + size) & (a.length - 1);
    a[i] = x;
    b[i] = y;
    size++;
  }

  long peekA() {
    return a[head];
  }

  long peekB() {
    return b[head];
  }

  void remove() {
    head = (head + 1) & (a.length - 1);
    size--;
  }

  private void grow() {
    long[] na = new long[a.length * 2];
    long[] nb = new long[a.length * 2];
    for (int i = 0; i < size; i++) {
      na[i] = a[(head + i) & (a.length - 1)];
      nb[i] = b[(head + i) & (a.length - 1)];
    }
    a = na;
    b = nb;
    head = 0;
  }

  static int[] growInts(int[] x) {
    return Arrays.copyOf(x, x.length * 2);
  }
}
