package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;

/**
 * A replay of a per-request trace in start order, reading the file as it goes. A request read is
 * held in a {@link ReorderBuffer} until no later row can start before it: every later row starts
 * at or after the latest start read so far minus the file's lateness (measured when the trace was
 * bound), so what is released is final. For a file written in start order nothing waits; for
 * one written in end order (Azure 2021) only the requests still running wait.
 */
final class ReplayArrivals implements TraceArrivals {
  private final ReplayTraffic traffic;
  private final long horizonNanos;
  private final ReorderBuffer buffer = new ReorderBuffer();
  private final ReplayRow row = new ReplayRow();
  private ReplayFile file;
  private long latest = Long.MIN_VALUE;
  private long duration = -1;
  private long memory = -1;
  private int function = -1;
  private boolean opened;
  private boolean eof;
  private boolean done;

  ReplayArrivals(ReplayTraffic traffic, long horizonNanos) {
    this.traffic = traffic;
    this.horizonNanos = horizonNanos;
  }

  @Override
  public long next() {
    if (done) return NONE;
    try {
      if (!opened) {
        file = traffic.open();
        opened = true;
      }
      while (true) {
        if (buffer.size() > 0 && (eof || buffer.firstStart() <= latest - traffic.latenessNanos())) return release();
        if (eof) return finish();
        if (!file.next(row)) {
          file.close();
          eof = true;
          continue;
        }
        int f = traffic.indexOf(row.function);
        if (f < 0) continue;
        long start = row.startNanos - traffic.originNanos();
        latest = Math.max(latest, start);
        buffer.add(start, row.durationNanos, row.memoryBytes, f);
      }
    } catch (SpecException e) {
      close();
      throw new TraceException(e);
    }
  }

  private long release() {
    long t = buffer.firstStart();
    if (t >= horizonNanos) return finish();
    duration = buffer.firstDuration();
    memory = buffer.firstMemory();
    function = buffer.firstFunction();
    buffer.removeFirst();
    return t;
  }

  private long finish() {
    close();
    return NONE;
  }

  @Override
  public int function() {
    return function;
  }

  @Override
  public long durationNanos() {
    return duration;
  }

  @Override
  public long memoryBytes() {
    return memory;
  }

  /** Returns the most requests the buffer held at once. */
  int largestBuffer() {
    return buffer.largest();
  }

  @Override
  public void close() {
    done = true;
    if (file != null) file.close();
    file = null;
  }
}
