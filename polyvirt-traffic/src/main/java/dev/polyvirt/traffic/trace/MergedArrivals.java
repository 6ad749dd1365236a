package dev.polyvirt.traffic.trace;

import dev.polyvirt.traffic.ArrivalProcess;
import java.util.List;

/**
 * The superposition of several functions' arrival streams in time order: a binary heap holding
 * each stream's next arrival (ties go to the function listed first), so memory is O(functions)
 * and each arrival costs O(log functions).
 */
final class MergedArrivals implements TraceArrivals {
  private final ArrivalProcess[] streams;
  private final long[] heads;
  private final int[] heap;
  private final long horizonNanos;
  private int size;
  private int last = -1;

  MergedArrivals(List<? extends ArrivalProcess> streams, long horizonNanos) {
    this.streams = streams.toArray(ArrivalProcess[]::new);
    this.heads = new long[this.streams.length];
    this.heap = new int[this.streams.length];
    this.horizonNanos = horizonNanos;
    for (int f = 0; f < this.streams.length; f++) {
      heads[f] = this.streams[f].next();
      if (heads[f] != NONE) {
        heap[size] = f;
        up(size++);
      }
    }
  }

  @Override
  public long next() {
    if (size == 0) return NONE;
    int f = heap[0];
    long t = heads[f];
    if (t >= horizonNanos) {
      size = 0;
      return NONE;
    }
    last = f;
    heads[f] = streams[f].next();
    if (heads[f] == NONE) heap[0] = heap[--size];
    if (size > 0) down(0);
    return t;
  }

  @Override
  public int function() {
    return last;
  }

  private boolean before(int a, int b) {
    return heads[a] < heads[b] || (heads[a] == heads[b] && a < b);
  }

  private void up(int i) {
    int f = heap[i];
    while (i > 0 && before(f, heap[(i - 1) / 2])) {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
    heap[i] = f;
  }

  private void down(int i) {
    int f = heap[i];
    while (2 * i + 1 < size) {
      int c = 2 * i + 1;
      if (c + 1 < size && before(heap[c + 1], heap[c])) c++;
      if (!before(heap[c], f)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = f;
  }
}
