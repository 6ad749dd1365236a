package dev.polyvirt.models.serverlesscontainer;

import java.util.Arrays;

/**
 * The ready instances that have a free slot, bucketed by how many requests they hold, so the
 * least-loaded one is found in O(1): loads change by one at a time, so the lowest non-empty
 * bucket moves by at most one per change (amortised). Buckets are doubly linked lists threaded
 * through arrays indexed by instance; nothing is allocated per request.
 */
final class LoadIndex {
  private final int slots;
  private final int[] head;
  private int[] next = new int[16];
  private int[] prev = new int[16];
  private int[] load = new int[16];
  private boolean[] present = new boolean[16];
  private int lowest;
  private int size;

  /** Creates an empty index for instances of {@code slots} slots (loads 0 to slots − 1). */
  LoadIndex(int slots) {
    this.slots = slots;
    this.head = new int[slots];
    Arrays.fill(head, -1);
    this.lowest = slots;
  }

  /** Adds instance {@code i} holding {@code n} requests (n < slots). */
  void put(int i, int n) {
    if (i >= present.length) grow(i + 1);
    if (present[i]) throw new IllegalStateException("instance " + i + " is already indexed");
    present[i] = true;
    load[i] = n;
    prev[i] = -1;
    next[i] = head[n];
    if (head[n] >= 0) prev[head[n]] = i;
    head[n] = i;
    if (n < lowest) lowest = n;
    size++;
  }

  /** Removes instance {@code i} if it is indexed. */
  void remove(int i) {
    if (i >= present.length || !present[i]) return;
    present[i] = false;
    if (prev[i] >= 0) next[prev[i]] = next[i];
    else head[load[i]] = next[i];
    if (next[i] >= 0) prev[next[i]] = prev[i];
    size--;
  }

  /** Re-files instance {@code i} under its new load {@code n}: indexed when n < slots, dropped when full. */
  void update(int i, int n) {
    remove(i);
    if (n < slots) put(i, n);
  }

  /** Returns an instance with the fewest requests among those with a free slot, or −1 if none. */
  int least() {
    if (size == 0) return -1;
    while (head[lowest] < 0) lowest++;
    return head[lowest];
  }

  /** Returns how many instances are indexed. */
  int size() {
    return size;
  }

  private void grow(int min) {
    int c = Math.max(min, present.length * 2);
    next = Arrays.copyOf(next, c);
    prev = Arrays.copyOf(prev, c);
    load = Arrays.copyOf(load, c);
    present = Arrays.copyOf(present, c);
  }
}
