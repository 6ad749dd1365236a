package dev.polyvirt.traffic.trace;

import dev.polyvirt.traffic.ArrivalProcess;

/**
 * The arrivals of a trace replay, each telling which of the traffic's functions it belongs to
 * (for per-function statistics such as idle times) and what the trace recorded for it.
 *
 * <p>Readers that hold a file open close it once the stream is exhausted; {@link #close()}
 * releases it earlier when a caller stops reading before the end.
 */
public interface TraceArrivals extends ArrivalProcess, AutoCloseable {
  /** Returns the index, in {@link TraceTraffic#functions()}, of the function of the last arrival. */
  int function();

  /** Returns the memory in bytes the trace recorded for the last arrival, or −1 when it records none. */
  default long memoryBytes() {
    return -1;
  }

  /** Releases the file early; the stream then answers {@link #NONE}. */
  @Override
  default void close() {}
}
