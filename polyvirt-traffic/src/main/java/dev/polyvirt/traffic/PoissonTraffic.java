package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Independent requests at a constant mean rate: a homogeneous Poisson process, whose gaps are
 * exponential with mean 1/rate (drawn by inversion, -ln(1-U)/rate; Ross, <i>Simulation</i>,
 * 5th ed., 2013, §5.1). The model of many uncoordinated clients, each rarely calling.
 */
public record PoissonTraffic(double ratePerSecond) implements Traffic {
  public PoissonTraffic {
    if (!(ratePerSecond >= 0 && ratePerSecond <= TrafficFields.MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("rate must be between 0 and 1e9 per second, found " + ratePerSecond);
    }
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    if (ratePerSecond == 0 || horizonNanos <= 0) return ArrivalProcess.none();
    return new PoissonArrivals(rng, SimTime.NANOS_PER_SECOND / ratePerSecond, horizonNanos);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    return ratePerSecond;
  }

  @Override
  public double peakRatePerSecond() {
    return ratePerSecond;
  }

  @Override
  public String describe() {
    return "Poisson " + TrafficFields.format(ratePerSecond) + "/s";
  }

  /** Exponential gaps accumulated in double nanoseconds, so rounding never drifts the rate. */
  private static final class PoissonArrivals implements ArrivalProcess {
    private final UniformRandomProvider rng;
    private final double meanGapNanos;
    private final long horizonNanos;
    private double now;

    PoissonArrivals(UniformRandomProvider rng, double meanGapNanos, long horizonNanos) {
      this.rng = rng;
      this.meanGapNanos = meanGapNanos;
      this.horizonNanos = horizonNanos;
    }

    @Override
    public long next() {
      if (now >= horizonNanos) return NONE;
      now += -Math.log(1.0 - rng.nextDouble()) * meanGapNanos;
      // flooring keeps the times below the horizon and non-decreasing
      return now >= horizonNanos ? NONE : (long) now;
    }
  }
}
