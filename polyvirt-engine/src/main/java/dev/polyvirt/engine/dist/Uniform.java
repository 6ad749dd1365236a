package dev.polyvirt.engine.dist;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/** Durations spread evenly between {@code min} and {@code max}. */
public record Uniform(long minNanos, long maxNanos) implements Distribution {
  public Uniform {
    if (minNanos < 0 || maxNanos < minNanos) throw new IllegalArgumentException("need 0 <= min <= max");
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    long lo = minNanos;
    double span = maxNanos - minNanos;
    return () -> lo + Math.round(span * rng.nextDouble());
  }

  @Override
  public double meanNanos() {
    return (minNanos + maxNanos) / 2.0;
  }

  @Override
  public double quantileNanos(double p) {
    return minNanos + p * (maxNanos - minNanos);
  }

  @Override
  public String describe() {
    return "uniform(" + SimTime.format(minNanos) + ".." + SimTime.format(maxNanos) + ")";
  }
}
