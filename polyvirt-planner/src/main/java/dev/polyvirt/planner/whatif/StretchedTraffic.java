package dev.polyvirt.planner.whatif;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A workload's traffic with the same arrivals and every request's service time multiplied by
 * {@code factor}: the durations a trace records per request are stretched here, the distribution
 * it supplies is {@linkplain Distribution#scaled scaled}. (Durations drawn from the workload's
 * {@code request.duration} are scaled by {@link DurationSearch} on the workload itself.)
 */
public record StretchedTraffic(Traffic base, double factor) implements DerivedTraffic {
  public StretchedTraffic {
    if (!(factor > 0 && factor <= 1e6)) throw new IllegalArgumentException("duration factor must be in (0, 1e6], found " + factor);
  }

  @Override
  public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
    ArrivalProcess inner = base.arrivals(rng, horizonNanos);
    return new ArrivalProcess() {
      @Override
      public long next() {
        return inner.next();
      }

      @Override
      public long durationNanos() {
        long d = inner.durationNanos();
        return d < 0 ? d : Math.max(1, Math.round(d * factor));
      }
    };
  }

  @Override
  public String describe() {
    return base.describe() + String.format(Locale.ROOT, ", durations ×%.3g", factor);
  }

  @Override
  public Optional<Distribution> duration() {
    return base.duration().map(d -> d.scaled(factor));
  }
}
