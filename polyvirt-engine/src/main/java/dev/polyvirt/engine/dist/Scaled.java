package dev.polyvirt.engine.dist;

import org.apache.commons.rng.UniformRandomProvider;

/** Another distribution with every draw multiplied by a factor (e.g. a hypervisor slowdown). */
public record Scaled(Distribution base, double factor) implements Distribution {
  public Scaled {
    if (!(factor > 0)) throw new IllegalArgumentException("factor must be positive");
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    Sampler s = base.sampler(rng);
    double f = factor;
    return () -> Math.round(s.next() * f);
  }

  @Override
  public double meanNanos() {
    return base.meanNanos() * factor;
  }

  @Override
  public double quantileNanos(double p) {
    return base.quantileNanos(p) * factor;
  }

  @Override
  public String describe() {
    return base.describe() + " x" + factor;
  }
}
