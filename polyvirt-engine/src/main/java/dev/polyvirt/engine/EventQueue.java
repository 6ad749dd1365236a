package dev.polyvirt.engine;

import java.util.Arrays;

/**
 * A pending-event set: an implicit 4-ary min-heap over struct-of-arrays slots.
 *
 * <p>Events are ordered by time, then by insertion sequence, so two events at the same instant
 * always fire in the order they were scheduled (deterministic tie-breaking). Slots are recycled
 * through a free list, so steady-state scheduling allocates nothing. A 4-ary heap halves the
 * depth of a binary heap and keeps the four children of a node in one cache line of the index
 * array; {@code EventQueueBenchmark} measures it against a bare binary heap.
 *
 * <p>Cancellation is eager: each slot remembers its heap position, so a cancelled event leaves
 * the heap in O(log n) and never inflates it (keep-alive timers are cancelled constantly).
 */
public final class EventQueue {
  private static final int ARITY = 4;

  // per-slot state
  private long[] time;
  private long[] seq;
  private EventHandler[] handler;
  private long[] payload;
  private int[] heapPos; // position in heap, -1 when free
  private int[] generation; // bumped on every reuse so stale handles cannot cancel a new event
  private int[] nextFree;
  private int freeHead = -1;
  private int slotsUsed;

  // heap of slot indices
  private int[] heap;
  private int size;
  private long nextSeq;

  /** Creates a queue that starts with room for {@code capacity} pending events. */
  public EventQueue(int capacity) {
    int c = Math.max(16, capacity);
    time = new long[c];
    seq = new long[c];
    handler = new EventHandler[c];
    payload = new long[c];
    heapPos = new int[c];
    generation = new int[c];
    nextFree = new int[c];
    heap = new int[c];
  }

  /** Returns the number of pending events. */
  public int size() {
    return size;
  }

  /** Returns true when no event is pending. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Adds an event and returns a handle that {@link #cancel} accepts. */
  public long add(long at, EventHandler h, long data) {
    int s = allocate();
    time[s] = at;
    seq[s] = nextSeq++;
    handler[s] = h;
    payload[s] = data;
    if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
    heap[size] = s;
    heapPos[s] = size;
    siftUp(size++);
    return ((long) generation[s] << 32) | s;
  }

  /** Removes a pending event; returns false if it already fired or was cancelled. */
  public boolean cancel(long handle) {
    int s = (int) handle;
    if (s < 0 || s >= slotsUsed || generation[s] != (int) (handle >>> 32) || heapPos[s] < 0) return false;
    removeAt(heapPos[s]);
    release(s);
    return true;
  }

  /** Returns the time of the earliest pending event; the queue must not be empty. */
  public long peekTime() {
    return time[heap[0]];
  }

  /** Removes the earliest event and fires it after {@code clock} has been advanced by the caller. */
  public int pollSlot() {
    int s = heap[0];
    removeAt(0);
    return s;
  }

  long timeOf(int slot) {
    return time[slot];
  }

  /** Fires the event held in {@code slot} and frees the slot first, so the handler may reuse it. */
  void fire(int slot) {
    EventHandler h = handler[slot];
    long p = payload[slot];
    release(slot);
    h.onEvent(p);
  }

  private int allocate() {
    int s;
    if (freeHead >= 0) {
      s = freeHead;
      freeHead = nextFree[s];
    } else {
      if (slotsUsed == time.length) grow();
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
    int c = time.length * 2;
    time = Arrays.copyOf(time, c);
    seq = Arrays.copyOf(seq, c);
    handler = Arrays.copyOf(handler, c);
    payload = Arrays.copyOf(payload, c);
    heapPos = Arrays.copyOf(heapPos, c);
    generation = Arrays.copyOf(generation, c);
    nextFree = Arrays.copyOf(nextFree, c);
  }

  private void removeAt(int i) {
    int last = heap[--size];
    heapPos[heap[i]] = -1;
    if (i == size) return;
    heap[i] = last;
    heapPos[last] = i;
    if (i > 0 && less(last, heap[(i - 1) / ARITY])) siftUp(i);
    else siftDown(i);
  }

  private boolean less(int a, int b) {
    long ta = time[a], tb = time[b];
    return ta < tb || (ta == tb && seq[a] < seq[b]);
  }

  private void siftUp(int i) {
    int s = heap[i];
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      int p = heap[parent];
      if (!less(s, p)) break;
      heap[i] = p;
      heapPos[p] = i;
      i = parent;
    }
    heap[i] = s;
    heapPos[s] = i;
  }

  private void siftDown(int i) {
    int s = heap[i];
    while (true) {
      int first = i * ARITY + 1;
      if (first >= size) break;
      int best = first;
      int end = Math.min(first + ARITY, size);
      for (int c = first + 1; c < end; c++) if (less(heap[c], heap[best])) best = c;
      int b = heap[best];
      if (!less(b, s)) break;
      heap[i] = b;
      heapPos[b] = i;
      i = best;
    }
    heap[i] = s;
    heapPos[s] = i;
  }
}
