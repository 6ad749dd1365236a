package dev.polyvirt.traffic;

/**
 * A stream of request arrival times for one workload, drawn lazily one at a time.
 *
 * <p>Implementations keep O(1) state (never a list of arrivals) and allocate nothing per call,
 * so a week of traffic at thousands of requests per second costs no memory. Times are absolute
 * simulated nanoseconds since the start of the run, never decrease, and stay below the horizon
 * the process was created with; after the last arrival every call returns {@link #NONE}.
 */
@FunctionalInterface
public interface ArrivalProcess {
  /** The answer of {@link #next()} once no arrival remains before the horizon. */
  long NONE = Long.MAX_VALUE;

  /** Returns the time (ns) of the next arrival, or {@link #NONE} when there is none before the horizon. */
  long next();

  /**
   * Returns the service duration the trace recorded for the arrival last returned by {@link #next()},
   * in nanoseconds, or −1 when the trace records none (the workload's {@code request.duration} is
   * then drawn). Synthetic kinds record none.
   */
  default long durationNanos() {
    return -1;
  }

  /** Returns a process with no arrivals at all (the null object for silent traffic). */
  static ArrivalProcess none() {
    return () -> NONE;
  }
}
