package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Quiet traffic with regular bursts: a Poisson process at the base rate that switches to the
 * burst rate for {@code length} at {@code start}, {@code start + every}, {@code start + 2·every}, …
 * (the base rate holds before {@code start}).
 *
 * <p>The rate is piecewise constant, so the process is simulated exactly by drawing exponential
 * gaps at the current piece's rate and restarting the draw at each change of rate: a Poisson
 * process is memoryless, so discarding the gap that overshoots a boundary changes nothing
 * (Ross, <i>Simulation</i>, 5th ed., 2013, §5.5).
 */
public record BurstTraffic(double baseRatePerSecond, double burstRatePerSecond, long everyNanos, long lengthNanos,
    long startNanos) implements Traffic {
  public BurstTraffic {
    double max = TrafficFields.MAX_RATE_PER_SECOND;
    if (!(baseRatePerSecond >= 0 && baseRatePerSecond <= max && burstRatePerSecond >= 0 && burstRatePerSecond <= max)) {
      throw new IllegalArgumentException("rates must be between 0 and 1e9 per second");
    }
    if (!(lengthNanos > 0 && lengthNanos < everyNanos && startNanos >= 0)) {
      throw new IllegalArgumentException("need 0 < length < every and start >= 0");
    }
  }

  /** Returns the time in [0, {@code horizonNanos}) spent inside bursts. */
  public long burstNanosBefore(long horizonNanos) {
    if (horizonNanos <= startNanos) return 0;
    long sinceStart = horizonNanos - startNanos;
    long whole = sinceStart / everyNanos;
    return whole * lengthNanos + Math.min(lengthNanos, sinceStart - whole * everyNanos);
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    if ((baseRatePerSecond == 0 && burstRatePerSecond == 0) || horizonNanos <= 0) return ArrivalProcess.none();
    return new BurstArrivals(this, rng, horizonNanos);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    if (horizonNanos <= 0) throw new IllegalArgumentException("horizon must be positive");
    double inBursts = burstNanosBefore(horizonNanos);
    return (baseRatePerSecond * (horizonNanos - inBursts) + burstRatePerSecond * inBursts) / horizonNanos;
  }

  @Override
  public double peakRatePerSecond() {
    return Math.max(baseRatePerSecond, burstRatePerSecond);
  }

  /** Returns the expected requests in the busiest window: it starts with a burst. */
  @Override
  public double peakRequestsWithin(long windowNanos, long horizonNanos) {
    long w = Math.min(windowNanos, horizonNanos);
    long hi = Math.max(baseRatePerSecond, burstRatePerSecond) == burstRatePerSecond ? Math.min(w, lengthNanos) : 0;
    double lo = w - hi;
    return (Math.max(baseRatePerSecond, burstRatePerSecond) * hi + Math.min(baseRatePerSecond, burstRatePerSecond) * lo) / 1e9;
  }

  @Override
  public String describe() {
    return "bursts " + TrafficFields.format(baseRatePerSecond) + "/s, " + TrafficFields.format(burstRatePerSecond)
        + "/s for " + SimTime.format(lengthNanos) + " every " + SimTime.format(everyNanos)
        + (startNanos == 0 ? "" : " from " + SimTime.format(startNanos));
  }
}
