package dev.polyvirt.traffic;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A daily (or any periodic) cycle: a non-homogeneous Poisson process whose rate follows a
 * raised cosine between trough and peak,
 * λ(t) = trough + (peak − trough) · (1 + cos(2π (t − peakAt) / period)) / 2.
 *
 * <p>Arrivals are drawn by thinning (P. A. W. Lewis and G. S. Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26(3),
 * 1979, pp. 403–413): candidates come from a homogeneous process at the peak rate and each is
 * kept with probability λ(t)/peak, which is exact because λ(t) ≤ peak everywhere.
 */
public record DiurnalTraffic(double peakPerSecond, double troughPerSecond, long periodNanos, long peakAtNanos)
    implements Traffic {
  public DiurnalTraffic {
    if (!(troughPerSecond >= 0 && troughPerSecond <= peakPerSecond && peakPerSecond <= TrafficFields.MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("need 0 <= trough <= peak <= 1e9 per second");
    }
    if (periodNanos <= 0 || peakAtNanos < 0) throw new IllegalArgumentException("need period > 0 and peakAt >= 0");
  }

  /** Returns the rate per second at time {@code nanos}. */
  public double ratePerSecondAt(double nanos) {
    double cycles = (nanos - peakAtNanos) / periodNanos;
    double phase = cycles - Math.floor(cycles);
    return troughPerSecond + (peakPerSecond - troughPerSecond) * (1 + Math.cos(2 * Math.PI * phase)) / 2;
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    if (peakPerSecond == 0 || horizonNanos <= 0) return ArrivalProcess.none();
    return new ThinnedArrivals(this, rng, horizonNanos);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    if (horizonNanos <= 0) throw new IllegalArgumentException("horizon must be positive");
    // ∫0^H cos(ω(t − a)) dt = (sin(ω(H − a)) + sin(ωa)) / ω, phases reduced modulo the period first
    double omega = 2 * Math.PI / periodNanos;
    double end = Math.floorMod(horizonNanos - peakAtNanos, periodNanos);
    double start = Math.floorMod(peakAtNanos, periodNanos);
    double cosineIntegral = (Math.sin(omega * end) + Math.sin(omega * start)) / omega;
    double swing = peakPerSecond - troughPerSecond;
    return troughPerSecond + swing / 2 + swing / 2 * cosineIntegral / horizonNanos;
  }

  @Override
  public double peakRatePerSecond() {
    return peakPerSecond;
  }

  @Override
  public String describe() {
    return "diurnal " + TrafficFields.format(troughPerSecond) + "-" + TrafficFields.format(peakPerSecond)
        + "/s, peak at " + SimTime.format(peakAtNanos) + " every " + SimTime.format(periodNanos);
  }

  /** Lewis–Shedler thinning of a homogeneous process at the peak rate. */
  private static final class ThinnedArrivals implements ArrivalProcess {
    private final DiurnalTraffic traffic;
    private final UniformRandomProvider rng;
    private final double meanGapNanos;
    private final long horizonNanos;
    private double now;

    ThinnedArrivals(DiurnalTraffic traffic, UniformRandomProvider rng, long horizonNanos) {
      this.traffic = traffic;
      this.rng = rng;
      this.meanGapNanos = SimTime.NANOS_PER_SECOND / traffic.peakPerSecond;
      this.horizonNanos = horizonNanos;
    }

    @Override
    public long next() {
      while (now < horizonNanos) {
        now += -Math.log(1.0 - rng.nextDouble()) * meanGapNanos;
        if (now >= horizonNanos) break;
        if (rng.nextDouble() * traffic.peakPerSecond < traffic.ratePerSecondAt(now)) return (long) now;
      }
      return NONE;
    }
  }
}
