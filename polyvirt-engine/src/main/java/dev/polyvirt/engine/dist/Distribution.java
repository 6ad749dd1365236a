package dev.polyvirt.engine.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A non-negative random duration, in nanoseconds.
 *
 * <p>A distribution is a value (a record); {@link #sampler} binds it to one random stream so the
 * hot path draws without allocating.
 */
public interface Distribution {
  /** Returns a sampler that draws from this distribution with {@code rng}. */
  Sampler sampler(UniformRandomProvider rng);

  /** Returns the mean, in nanoseconds. */
  double meanNanos();

  /** Returns the {@code p}-quantile (0 &lt; p &lt; 1), in nanoseconds. */
  double quantileNanos(double p);

  /** Describes the distribution the way a spec writes it. */
  String describe();

  /** Returns a distribution with every draw multiplied by {@code factor} (a slowdown). */
  default Distribution scaled(double factor) {
    return factor == 1.0 ? this : new Scaled(this, factor);
  }

  /** Draws durations from one bound stream. */
  @FunctionalInterface
  interface Sampler {
    /** Draws one duration in nanoseconds. */
    long next();
  }
}
