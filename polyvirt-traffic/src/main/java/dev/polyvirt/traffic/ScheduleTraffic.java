package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Scheduled jobs: {@code requestsPerFiring} requests arrive together at every firing of a cron
 * expression, on the simulation's UTC calendar where time 0 is Monday 2024-01-01 00:00. The
 * traffic is deterministic, so it draws nothing from the random stream.
 */
public record ScheduleTraffic(CronExpression cron, int requestsPerFiring) implements Traffic {
  public ScheduleTraffic {
    if (requestsPerFiring < 0) throw new IllegalArgumentException("requests per firing must be zero or more");
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    if (requestsPerFiring == 0 || horizonNanos <= 0) return ArrivalProcess.none();
    return new Firings(cron, requestsPerFiring, horizonNanos);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    if (horizonNanos <= 0) throw new IllegalArgumentException("horizon must be positive");
    return (double) cron.firingsBefore(horizonNanos) * requestsPerFiring / SimTime.toSeconds(horizonNanos);
  }

  /** Returns false: firings follow the cron schedule exactly. */
  @Override
  public boolean random() {
    return false;
  }

  /** Returns the rate within the busiest minute: cron fires at most once a minute. */
  @Override
  public double peakRatePerSecond() {
    return requestsPerFiring / 60.0;
  }

  /**
   * Returns the most requests that start within any window of {@code windowNanos}: a sliding
   * window over the firings of the horizon, holding only the firings inside the window.
   */
  @Override
  public double peakRequestsWithin(long windowNanos, long horizonNanos) {
    java.util.ArrayDeque<Long> inWindow = new java.util.ArrayDeque<>();
    long from = 0;
    int most = 0;
    while (from < horizonNanos) {
      long t = cron.nextFiring(from, horizonNanos);
      if (t == ArrivalProcess.NONE) break;
      inWindow.addLast(t);
      while (inWindow.peekFirst() <= t - windowNanos) inWindow.removeFirst();
      most = Math.max(most, inWindow.size());
      from = t + 1;
    }
    return (double) most * requestsPerFiring;
  }

  @Override
  public String describe() {
    return "cron '" + cron.text() + "' UTC" + (requestsPerFiring == 1 ? "" : ", " + requestsPerFiring + " requests per firing");
  }

  /** Walks the firings one at a time, repeating each firing's time once per request. */
  private static final class Firings implements ArrivalProcess {
    private final CronExpression cron;
    private final int perFiring;
    private final long horizonNanos;
    private long searchFrom;
    private long current;
    private int remaining;

    Firings(CronExpression cron, int perFiring, long horizonNanos) {
      this.cron = cron;
      this.perFiring = perFiring;
      this.horizonNanos = horizonNanos;
    }

    @Override
    public long next() {
      if (remaining > 0) {
        remaining--;
        return current;
      }
      if (searchFrom >= horizonNanos) return NONE;
      current = cron.nextFiring(searchFrom, horizonNanos);
      if (current == NONE) {
        searchFrom = horizonNanos;
        return NONE;
      }
      searchFrom = current + 1;
      remaining = perFiring - 1;
      return current;
    }
  }
}
