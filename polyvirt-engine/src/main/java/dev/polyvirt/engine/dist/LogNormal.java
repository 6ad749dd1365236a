package dev.polyvirt.engine.dist;

import dev.polyvirt.engine.SimTime;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Log-normal durations: ln(X) ~ Normal(mu, sigma), with X in nanoseconds.
 *
 * <p>Cold starts and request latencies are right-skewed; published fits (Joosen et al., EuroSys
 * 2025, for Huawei Cloud) use exactly this family.
 */
public record LogNormal(double mu, double sigma) implements Distribution {
  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  public LogNormal {
    if (!(sigma >= 0) || Double.isNaN(mu)) throw new IllegalArgumentException("need sigma >= 0");
  }

  /** Fits from the mean and standard deviation of X (method of moments). */
  public static LogNormal ofMeanSd(double meanNanos, double sdNanos) {
    if (!(meanNanos > 0) || !(sdNanos >= 0)) throw new IllegalArgumentException("need mean > 0 and sd >= 0");
    double s2 = Math.log(1 + (sdNanos * sdNanos) / (meanNanos * meanNanos));
    return new LogNormal(Math.log(meanNanos) - s2 / 2, Math.sqrt(s2));
  }

  /** Fits through two quantiles, e.g. p50 and p99. */
  public static LogNormal ofQuantiles(double p1, double x1Nanos, double p2, double x2Nanos) {
    if (!(x1Nanos > 0) || !(x2Nanos > x1Nanos) || !(p2 > p1)) {
      throw new IllegalArgumentException("need 0 < lower quantile < upper quantile");
    }
    double z1 = STANDARD.inverseCumulativeProbability(p1);
    double z2 = STANDARD.inverseCumulativeProbability(p2);
    double sigma = (Math.log(x2Nanos) - Math.log(x1Nanos)) / (z2 - z1);
    return new LogNormal(Math.log(x1Nanos) - sigma * z1, sigma);
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double m = mu, s = sigma;
    return () -> Math.round(Math.exp(m + s * gauss.sample()));
  }

  @Override
  public double meanNanos() {
    return Math.exp(mu + sigma * sigma / 2);
  }

  @Override
  public double quantileNanos(double p) {
    return Math.exp(mu + sigma * STANDARD.inverseCumulativeProbability(p));
  }

  @Override
  public String describe() {
    return "lognormal(p50 " + SimTime.format(Math.round(quantileNanos(0.5)))
        + ", p99 " + SimTime.format(Math.round(quantileNanos(0.99))) + ")";
  }
}
