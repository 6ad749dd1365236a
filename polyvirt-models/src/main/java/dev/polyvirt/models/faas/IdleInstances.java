package dev.polyvirt.models.faas;

/**
 * Warm idle instances, kept as the times they became idle, oldest first.
 *
 * <p>Instances of one function are interchangeable, so an instance is just its idle-since time.
 * New idlers join at the back (they are the newest), so the deque stays sorted: MRU takes from
 * the back, LRU from the front, and expiry always removes from the front — O(1) each, no timer
 * event per instance.
 */
final class IdleInstances {
  private long[] since = new long[16];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds an instance idle since {@code now} (the newest). */
  void push(long now) {
    if (size == since.length) grow();
    since[(head + size) & (since.length - 1)] = now;
    size++;
  }

  /** Returns the idle-since time of the oldest idle instance. */
  long oldest() {
    return since[head];
  }

  /** Returns the idle-since time of the newest idle instance. */
  long newest() {
    return since[(head + size - 1) & (since.length - 1)];
  }

  /** Stamps the newest idle instance as idle since {@code now} (not before any other: the order stays sorted). */
  void restampNewest(long now) {
    since[(head + size - 1) & (since.length - 1)] = now;
  }

  /** Removes the oldest idle instance. */
  void removeOldest() {
    head = (head + 1) & (since.length - 1);
    size--;
  }

  /** Removes the newest idle instance. */
  void removeNewest() {
    size--;
  }

  /** Removes the {@code i}-th oldest idle instance, keeping the order of the others. */
  void removeAt(int i) {
    int mask = since.length - 1;
    for (int k = i; k < size - 1; k++) since[(head + k) & mask] = since[(head + k + 1) & mask];
    size--;
  }

  private void grow() {
    long[] n = new long[since.length * 2];
    for (int i = 0; i < size; i++) n[i] = since[(head + i) & (since.length - 1)];
    since = n;
    head = 0;
  }
}
