package dev.polyvirt.engine.dist;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/** Always the same duration. */
public record Fixed(long nanos) implements Distribution {
  public Fixed {
    if (nanos < 0) throw new IllegalArgumentException("duration must not be negative");
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    long v = nanos;
    return () -> v;
  }

  @Override
  public double meanNanos() {
    return nanos;
  }

  @Override
  public double quantileNanos(double p) {
    return nanos;
  }

  @Override
  public String describe() {
    return SimTime.format(nanos);
  }
}
