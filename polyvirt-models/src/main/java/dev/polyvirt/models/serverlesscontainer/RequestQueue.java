package dev.polyvirt.models.serverlesscontainer;

/**
 * The activator's FIFO of requests waiting for an instance: (arrival time, work) pairs in a
 * growable ring, so queueing allocates nothing per request.
 */
final class RequestQueue {
  private long[] arrival = new long[16];
  private long[] work = new long[16];
  private int head;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(long arrivedAt, long workNanos) {
    if (size == arrival.length) grow();
    int i = (head + size) & (arrival.length - 1);
    arrival[i] = arrivedAt;
    work[i] = workNanos;
    size++;
  }

  long peekArrival() {
    return arrival[head];
  }

  long peekWork() {
    return work[head];
  }

  void remove() {
    head = (head + 1) & (arrival.length - 1);
    size--;
  }

  private void grow() {
    long[] a = new long[arrival.length * 2];
    long[] w = new long[arrival.length * 2];
    for (int k = 0; k < size; k++) {
      a[k] = arrival[(head + k) & (arrival.length - 1)];
      w[k] = work[(head + k) & (arrival.length - 1)];
    }
    arrival = a;
    work = w;
    head = 0;
  }
}
