package dev.polyvirt.bench;

import dev.polyvirt.engine.EventHandler;
import java.util.Arrays;

/**
 * A prototype, for {@link EventQueueBenchmark} only: the kernel's {@code EventQueue} (4-ary heap
 * of slot indices, FIFO tie-breaking, slot free list, eager cancel) with one change: each heap
 * entry carries its event time in a heap-ordered {@code long[]} next to the slot index, so the
 * comparisons of a sift read keys that sit side by side instead of following each slot index
 * into the per-slot {@code time[]} array (a dependent, cache-missing load per comparison once
 * the queue outgrows the cache). Sequence numbers are still read per slot, only on equal times.
 * It also fires events itself, as {@code Simulation.runUntil} does, so the benchmark can drive
 * it the same way.
 */
final class KeyedEventQueue {
  private static final int ARITY = 4;

  private long[] seq;
  private EventHandler[] handler;
  private long[] payload;
  private int[] heapPos;
  private int[] generation;
  private int[] nextFree;
  private int freeHead = -1;
  private int slotsUsed;

  private int[] heap;
  private long[] heapTime;
  private int size;
  private long nextSeq;

  private long now;
  private long eventsFired;

  KeyedEventQueue(int capacity) {
    int c = Math.max(16, capacity);
    seq = new long[c];
    handler = new EventHandler[c];
    payload = new long[c];
    heapPos = new int[c];
    generation = new int[c];
    nextFree = new int[c];
    heap = new int[c];
    heapTime = new long[c];
  }

  long now() {
    return now;
  }

  long eventsFired() {
    return eventsFired;
  }

  int size() {
    return size;
  }

  long at(long at, EventHandler h, long data) {
    if (at < now) throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
    int s = allocate();
    seq[s] = nextSeq++;
    handler[s] = h;
    payload[s] = data;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      heapTime = Arrays.copyOf(heapTime, size * 2);
    }
    siftUp(size++, s, at);
    return ((long) generation[s] << 32) | s;
  }

  long after(long delay, EventHandler h, long data) {
    return at(now + delay, h, data);
  }

  boolean cancel(long handle) {
    int s = (int) handle;
    if (s < 0 || s >= slotsUsed || generation[s] != (int) (handle >>> 32) || heapPos[s] < 0) return false;
    removeAt(heapPos[s]);
    release(s);
    return true;
  }

  void runUntil(long until) {
    while (size > 0 && heapTime[0] <= until) {
      int slot = heap[0];
      now = heapTime[0];
      removeAt(0);
      eventsFired++;
      EventHandler h = handler[slot];
      long p = payload[slot];
      release(slot);
      h.onEvent(p);
    }
    if (until > now && until != Long.MAX_VALUE) now = until;
  }

  private int allocate() {
    int s;
    if (freeHead >= 0) {
      s = freeHead;
      freeHead = nextFree[s];
    } else {
      if (slotsUsed == seq.length) grow();
      s = slotsUsed++;
    }
    return s;
  }

  private void release(int s) {
    heapPos[s] = -1;
    handler[s] = null;
    generation[s]++;
    nextFree[s] = freeHead;
    freeHead = s;
  }

  private void grow() {
    int c = seq.length * 2;
    seq = Arrays.copyOf(seq, c);
    handler = Arrays.copyOf(handler, c);
    payload = Arrays.copyOf(payload, c);
    heapPos = Arrays.copyOf(heapPos, c);
    generation = Arrays.copyOf(generation, c);
    nextFree = Arrays.copyOf(nextFree, c);
  }

  private void removeAt(int i) {
    heapPos[heap[i]] = -1;
    int n = --size;
    if (i == n) return;
    int last = heap[n];
    long lastTime = heapTime[n];
    if (i > 0 && before(lastTime, last, (i - 1) / ARITY)) siftUp(i, last, lastTime);
    else siftDown(i, last, lastTime);
  }

  /** Whether the event (t, slot s) orders before the one at heap position j. */
  private boolean before(long t, int s, int j) {
    long tj = heapTime[j];
    return t < tj || (t == tj && seq[s] < seq[heap[j]]);
  }

  private void siftUp(int i, int s, long t) {
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      if (!before(t, s, parent)) break;
      int p = heap[parent];
      heap[i] = p;
      heapTime[i] = heapTime[parent];
      heapPos[p] = i;
      i = parent;
    }
    heap[i] = s;
    heapTime[i] = t;
    heapPos[s] = i;
  }

  private void siftDown(int i, int s, long t) {
    while (true) {
      int first = i * ARITY + 1;
      if (first >= size) break;
      int best = first;
      int end = Math.min(first + ARITY, size);
      for (int c = first + 1; c < end; c++) {
        long tc = heapTime[c], tb = heapTime[best];
        if (tc < tb || (tc == tb && seq[heap[c]] < seq[heap[best]])) best = c;
      }
      int b = heap[best];
      long tb = heapTime[best];
      if (!(tb < t || (tb == t && seq[b] < seq[s]))) break;
      heap[i] = b;
      heapTime[i] = tb;
      heapPos[b] = i;
      i = best;
    }
    heap[i] = s;
    heapTime[i] = t;
    heapPos[s] = i;
  }
}
