package dev.polyvirt.models.pool;

import java.util.Arrays;

/**
 * A growable FIFO ring of pairs of longs — (arrival time, service time or work) — so a queue of
 * waiting requests allocates nothing per request. Shared by the server pools and the
 * serverless-container activator.
 */
public final class LongRing {
  private long[] a = new long[16];
  private long[] b = new long[16];
  private int head;
  private int size;

  /** Returns true when nothing waits. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns how many pairs wait. */
  public int size() {
    return size;
  }

  /** Appends a pair at the tail. */
  public void add(long x, long y) {
    if (size == a.length) grow();
    int i = (head + size) & (a.length - 1);
    a[i] = x;
    b[i] = y;
    size++;
  }

  /** Returns the first value of the head pair. */
  public long peekA() {
    return a[head];
  }

  /** Returns the second value of the head pair. */
  public long peekB() {
    return b[head];
  }

  /** Removes the head pair. */
  public void remove() {
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
