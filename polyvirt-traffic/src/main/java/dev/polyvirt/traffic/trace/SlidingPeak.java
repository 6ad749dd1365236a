package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;

/**
 * The most arrivals of a traffic inside any window of a given length, found in constant memory
 * with two replays of the same stream: a leading one that admits arrivals into the window and a
 * lagging one, a window behind, that lets them out. Streams are seeded identically so both see
 * the same arrivals.
 */
final class SlidingPeak {
  private SlidingPeak() {}

  /** Returns the most arrivals in any window (t − {@code windowNanos}, t] inside [0, {@code horizonNanos}). */
  static long mostWithin(Traffic traffic, long windowNanos, long horizonNanos) {
    ArrivalProcess lead = traffic.arrivals(RandomStreams.root(0).stream("peak"), horizonNanos);
    ArrivalProcess lag = traffic.arrivals(RandomStreams.root(0).stream("peak"), horizonNanos);
    long most = 0;
    long inside = 0;
    long behind = lag.next();
    for (long t = lead.next(); t != ArrivalProcess.NONE; t = lead.next()) {
      inside++;
      while (behind <= t - windowNanos) {
        inside--;
        behind = lag.next();
      }
      most = Math.max(most, inside);
    }
    return most;
  }

  /** Returns the number of arrivals before {@code horizonNanos}. */
  static long count(Traffic traffic, long horizonNanos) {
    ArrivalProcess a = traffic.arrivals(RandomStreams.root(0).stream("peak"), horizonNanos);
    long n = 0;
    while (a.next() != ArrivalProcess.NONE) n++;
    return n;
  }
}
