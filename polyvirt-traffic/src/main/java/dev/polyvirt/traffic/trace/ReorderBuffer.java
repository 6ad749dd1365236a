package dev.polyvirt.traffic.trace;

import java.util.Arrays;

/**
 * Requests read but not yet released, ordered by start (ties by reading order): a binary heap in
 * parallel primitive arrays. It holds only requests whose place in start order is not yet
 * settled, so its size is bounded by the file's disorder, not its length.
 */
final class ReorderBuffer {
  private long[] start = new long[64];
  private long[] sequence = new long[64];
  private long[] duration = new long[64];
  private long[] memory = new long[64];
  private int[] function = new int[64];
  private int size;
  private int largest;
  private long added;

  /** Adds a request. */
  void add(long startNanos, long durationNanos, long memoryBytes, int functionIndex) {
    if (size == start.length) grow();
    int i = size++;
    largest = Math.max(largest, size);
    long seq = added++;
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!before(startNanos, seq, parent)) break;
      copy(parent, i);
      i = parent;
    }
    set(i, startNanos, seq, durationNanos, memoryBytes, functionIndex);
  }

  int size() {
    return size;
  }

  /** Returns the most requests held at once (for tests of the streaming bound). */
  int largest() {
    return largest;
  }

  long firstStart() {
    return start[0];
  }

  long firstDuration() {
    return duration[0];
  }

  long firstMemory() {
    return memory[0];
  }

  int firstFunction() {
    return function[0];
  }

  /** Removes the earliest request. */
  void removeFirst() {
    int last = --size;
    if (last == 0) return;
    long s = start[last];
    long q = sequence[last];
    long d = duration[last];
    long m = memory[last];
    int f = function[last];
    int i = 0;
    while (2 * i + 1 < size) {
      int c = 2 * i + 1;
      if (c + 1 < size && before(start[c + 1], sequence[c + 1], c)) c++;
      if (!before(start[c], sequence[c], s, q)) break;
      copy(c, i);
      i = c;
    }
    set(i, s, q, d, m, f);
  }

  private boolean before(long s, long q, int i) {
    return before(s, q, start[i], sequence[i]);
  }

  private static boolean before(long s, long q, long s2, long q2) {
    return s < s2 || (s == s2 && q < q2);
  }

  private void copy(int from, int to) {
    set(to, start[from], sequence[from], duration[from], memory[from], function[from]);
  }

  private void set(int i, long s, long q, long d, long m, int f) {
    start[i] = s;
    sequence[i] = q;
    duration[i] = d;
    memory[i] = m;
    function[i] = f;
  }

  private void grow() {
    int n = start.length * 2;
    start = Arrays.copyOf(start, n);
    sequence = Arrays.copyOf(sequence, n);
    duration = Arrays.copyOf(duration, n);
    memory = Arrays.copyOf(memory, n);
    function = Arrays.copyOf(function, n);
  }
}
