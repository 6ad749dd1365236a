package dev.polyvirt.engine.dist;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;

/** Exponential durations with the given mean (memoryless service, Poisson gaps). */
public record Exponential(double meanNanos) implements Distribution {
  public Exponential {
    if (!(meanNanos > 0)) throw new IllegalArgumentException("mean must be positive");
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    double m = meanNanos;
    // inversion: -ln(U) with U in (0,1]; nextDouble() is in [0,1) so use 1 - U
    return () -> Math.round(-m * Math.log(1.0 - rng.nextDouble()));
  }

  @Override
  public double quantileNanos(double p) {
    return -meanNanos * Math.log(1 - p);
  }

  @Override
  public String describe() {
    return "exponential(mean " + SimTime.format(Math.round(meanNanos)) + ")";
  }
}
