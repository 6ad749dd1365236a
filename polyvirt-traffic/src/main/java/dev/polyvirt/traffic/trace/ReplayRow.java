package dev.polyvirt.traffic.trace;

/**
 * One invocation as a per-request trace records it, filled in place by a {@link ReplayFile} so
 * that reading allocates nothing per row but the ids: start (ns on the file's own clock),
 * duration and memory (−1 when not recorded), function and app.
 */
final class ReplayRow {
  long startNanos;
  long durationNanos = -1;
  long memoryBytes = -1;
  String function = "";
  String app = "";

  /** Returns when the invocation ended: start plus duration, or the start when none is recorded. */
  long endNanos() {
    return durationNanos < 0 ? startNanos : startNanos + durationNanos;
  }
}
