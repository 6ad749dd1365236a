package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A monthly request volume, as cloud bills and calculators state it, spread as a homogeneous
 * Poisson process at N / (730 h × 3600 s) requests per second: a "month" on a cloud bill is 730
 * hours (8,760 hours a year / 12), not a calendar month.
 */
public record MonthlyTraffic(double requestsPerMonth) implements Traffic {
  public MonthlyTraffic {
    if (!(requestsPerMonth >= 0) || Double.isInfinite(requestsPerMonth)) {
      throw new IllegalArgumentException("requests per month must be zero or more, found " + requestsPerMonth);
    }
  }

  /** Returns the equivalent constant-rate Poisson traffic. */
  public PoissonTraffic asPoisson() {
    return new PoissonTraffic(requestsPerMonth / SimTime.toSeconds(SimTime.NANOS_PER_BILLING_MONTH));
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    return asPoisson().arrivals(rng, horizonNanos);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    return asPoisson().ratePerSecond();
  }

  @Override
  public double peakRatePerSecond() {
    return asPoisson().ratePerSecond();
  }

  @Override
  public String describe() {
    return TrafficFields.format(requestsPerMonth) + " requests/month (" + asPoisson().describe() + ")";
  }
}
