package dev.polyvirt.planner.whatif;

import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A workload's traffic with every rate multiplied by {@code factor}: the superposition of
 * ⌈factor⌉ copies of the base process, each thinned to keep a share factor / ⌈factor⌉ of its
 * arrivals. Superposing independent copies multiplies the rate of any point process and thinning
 * scales it down (Ross, <i>Simulation</i>, 5th ed., 2013, §5.5), so the shape — diurnal curve,
 * bursts, schedule — is kept while the volume changes. All copies draw from the one generator
 * they are given, in a fixed order, so the stream stays reproducible.
 */
public record ScaledTraffic(Traffic base, double factor) implements DerivedTraffic {
  public ScaledTraffic {
    if (!(factor > 0 && factor <= 1e6)) throw new IllegalArgumentException("traffic factor must be in (0, 1e6], found " + factor);
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    int copies = (int) Math.ceil(factor);
    double keep = factor / copies;
    ArrivalProcess[] parts = new ArrivalProcess[copies];
    for (int i = 0; i < copies; i++) parts[i] = base.arrivals(rng, horizonNanos);
    return new Merged(parts, keep, rng);
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    return base.meanRatePerSecond(horizonNanos) * factor;
  }

  @Override
  public double peakRatePerSecond() {
    return base.peakRatePerSecond() * factor;
  }

  @Override
  public double peakRequestsWithin(long windowNanos, long horizonNanos) {
    return base.peakRequestsWithin(windowNanos, horizonNanos) * factor;
  }

  @Override
  public String describe() {
    return base.describe() + String.format(Locale.ROOT, " ×%.3g", factor);
  }

  /** The earliest pending arrival of the copies, each kept with probability {@code keep}. */
  private static final class Merged implements ArrivalProcess {
    private final ArrivalProcess[] parts;
    private final long[] head;
    private final long[] headDuration;
    private final double keep;
    private final UniformRandomProvider rng;
    private long lastDuration = -1;

    Merged(ArrivalProcess[] parts, double keep, UniformRandomProvider rng) {
      this.parts = parts;
      this.keep = keep;
      this.rng = rng;
      head = new long[parts.length];
      headDuration = new long[parts.length];
      for (int i = 0; i < parts.length; i++) advance(i);
    }

    private void advance(int i) {
      head[i] = parts[i].next();
      headDuration[i] = head[i] == NONE ? -1 : parts[i].durationNanos();
    }

    @Override
    public long next() {
      while (true) {
        int first = 0;
        for (int i = 1; i < head.length; i++) if (head[i] < head[first]) first = i;
        long t = head[first];
        if (t == NONE) return NONE;
        long d = headDuration[first];
        advance(first);
        if (keep >= 1 || rng.nextDouble() < keep) {
          lastDuration = d;
          return t;
        }
      }
    }

    @Override
    public long durationNanos() {
      return lastDuration;
    }
  }
}
