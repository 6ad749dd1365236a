package dev.polyvirt.engine;

import java.util.Arrays;

/**
 * A pending-event set: an implicit 4-ary min-heap whose keys live in heap order.
 *
 * <p>Events are ordered by time, then by insertion sequence, so two events at the same instant
 * always fire in the order they were scheduled (deterministic tie-breaking). The heap holds each
 * event's time in a {@code long} array laid out in heap order beside its slot index, so sifting
 * compares neighbouring memory instead of chasing slot indices; the sequence number lives in the
 * slot and is read only when two times are equal. The handler and payload sit in that slot,
 * recycled through a free list, so steady-state scheduling allocates nothing. A
 * 4-ary heap halves the depth of a binary heap; {@code EventQueueBenchmark} measures it against
 * a bare binary heap of keys (BENCHMARKS.md).
 *
 * <p>Cancellation is lazy and O(1): the slot is marked dead and its heap entry is dropped when it
 * reaches the top. So that repeated cancels (re-armed timers) cannot bloat the heap, the heap is
 * rebuilt without dead entries whenever they outnumber the live ones.
 */
public final class EventQueue {
  private static final int ARITY = 4;
  private static final int COMPACT_MIN = 1024;

  // heap, in heap order
  private long[] hTime;
  private int[] hSlot;
  private int size;

  // per-slot state
  private EventHandler[] handler;
  private long[] payload;
  private long[] seq;
  private int[] generation; // bumped on every release so stale handles cannot cancel a new event
  private int[] nextFree;
  private int freeHead = -1;
  private int slotsUsed;

  private int live;
  private long nextSeq;
  private long lastTime;

  /** Creates a queue that starts with room for {@code capacity} pending events. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    hTime = new long[c];
    hSlot = new int[c];
    handler = new EventHandler[c];
    payload = new long[c];
    seq = new long[c];
    generation = new int[c];
    nextFree = new int[c];
  }

  /** Returns the number of pending (not cancelled) events. */
  public int size() {
    return live;
  }

  /** Returns true when no event is pending. */
  public boolean isEmpty() {
    return live == 0;
  }

  /** Adds an event and returns a handle that {@link #cancel} accepts. */
  public long add(long at, EventHandler h, long data) {
    if (h == null) throw new IllegalArgumentException("handler must not be null");
    int s = allocate();
    handler[s] = h;
    payload[s] = data;
    seq[s] = nextSeq++;
    if (size == hTime.length) growHeap();
    siftUp(size++, at, s);
    live++;
    return ((long) generation[s] << 32) | s;
  }

  /** Cancels a pending event; returns false if it already fired or was cancelled. */
  public boolean cancel(long handle) {
    int s = (int) handle;
    if (s < 0 || s >= slotsUsed || generation[s] != (int) (handle >>> 32) || handler[s] == null) return false;
    handler[s] = null; // dead: dropped when it reaches the top, or by compaction
    live--;
    if (size - live > Math.max(COMPACT_MIN, live)) compact();
    return true;
  }

  /** Returns the time of the earliest pending event; the queue must not be empty. */
  public long peekTime() {
    dropDeadTop();
    return hTime[0];
  }

  /**
   * Removes the earliest pending event if it is due at or before {@code until} and returns its
   * slot (its time is then {@link #lastTime}), or returns -1: one look at the top per event.
   */
  int pollUntil(long until) {
    dropDeadTop();
    if (size == 0 || hTime[0] > until) return -1;
    lastTime = hTime[0];
    int s = hSlot[0];
    removeTop();
    live--;
    return s;
  }

  /** Returns the time of the event {@link #pollUntil} returned last. */
  long lastTime() {
    return lastTime;
  }

  /** Removes the earliest pending event and returns its slot, to be fired with {@link #fire}. */
  int pollSlot() {
    dropDeadTop();
    int s = hSlot[0];
    removeTop();
    live--;
    return s;
  }

  /** Fires the event held in {@code slot}, freeing the slot first so the handler may reuse it. */
  void fire(int slot) {
    EventHandler h = handler[slot];
    long p = payload[slot];
    release(slot);
    h.onEvent(p);
  }

  private void dropDeadTop() {
    while (size > 0 && handler[hSlot[0]] == null) {
      int s = hSlot[0];
      removeTop();
      release(s);
    }
  }

  private int allocate() {
    int s;
    if (freeHead >= 0) {
      s = freeHead;
      freeHead = nextFree[s];
    } else {
      if (slotsUsed == handler.length) growSlots();
      s = slotsUsed++;
    }
    return s;
  }

  private void release(int s) {
    handler[s] = null;
    generation[s]++;
    nextFree[s] = freeHead;
    freeHead = s;
  }

  private void removeTop() {
    int last = --size;
    if (last > 0) siftDown(0, hTime[last], hSlot[last]);
  }

  /** Rebuilds the heap without dead entries (Floyd's bottom-up heap construction, O(n)). */
  private void compact() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      int s = hSlot[i];
      if (handler[s] == null) {
        release(s);
      } else {
        hTime[n] = hTime[i];
        hSlot[n] = s;
        n++;
      }
    }
    size = n;
    for (int i = (n - 2) / ARITY; i >= 0; i--) siftDown(i, hTime[i], hSlot[i]);
  }

  /** Returns true when the event in slot {@code a} at time {@code ta} fires before slot {@code b} at {@code tb}. */
  private boolean before(long ta, int a, long tb, int b) {
    return ta < tb || (ta == tb && seq[a] < seq[b]);
  }

  private void siftUp(int i, long t, int s) {
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      long pt = hTime[parent];
      if (!before(t, s, pt, hSlot[parent])) break;
      hTime[i] = pt;
      hSlot[i] = hSlot[parent];
      i = parent;
    }
    hTime[i] = t;
    hSlot[i] = s;
  }

  private void siftDown(int i, long t, int s) {
    while (true) {
      int first = i * ARITY + 1;
      if (first >= size) break;
      int best = first;
      long bt = hTime[first];
      int end = Math.min(first + ARITY, size);
      for (int c = first + 1; c < end; c++) {
        long ct = hTime[c];
        if (ct < bt || (ct == bt && seq[hSlot[c]] < seq[hSlot[best]])) {
          best = c;
          bt = ct;
        }
      }
      if (before(t, s, bt, hSlot[best])) break;
      hTime[i] = bt;
      hSlot[i] = hSlot[best];
      i = best;
    }
    hTime[i] = t;
    hSlot[i] = s;
  }

  private void growHeap() {
    int c = hTime.length * 2;
    hTime = Arrays.copyOf(hTime, c);
    hSlot = Arrays.copyOf(hSlot, c);
  }

  private void growSlots() {
    int c = handler.length * 2;
    handler = Arrays.copyOf(handler, c);
    payload = Arrays.copyOf(payload, c);
    seq = Arrays.copyOf(seq, c);
    generation = Arrays.copyOf(generation, c);
    nextFree = Arrays.copyOf(nextFree, c);
  }
}
