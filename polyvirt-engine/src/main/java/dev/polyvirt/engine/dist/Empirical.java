package dev.polyvirt.engine.dist;

import dev.polyvirt.engine.SimTime;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A distribution known only by some percentiles, as traces publish it (the Azure Functions 2019
 * durations file gives p0, p1, p25, p50, p75, p99, p100).
 *
 * <p>The inverse CDF is interpolated linearly between the given points, so every draw lies
 * between the smallest and largest given values and each given percentile is reproduced exactly.
 */
public record Empirical(double[] probabilities, long[] valuesNanos) implements Distribution {
  public Empirical {
    if (probabilities.length != valuesNanos.length || probabilities.length < 2) {
      throw new IllegalArgumentException("need at least two (probability, value) points");
    }
    probabilities = probabilities.clone();
    valuesNanos = valuesNanos.clone();
    if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
      throw new IllegalArgumentException("percentiles must start at 0 and end at 100");
    }
    if (valuesNanos[0] < 0) throw new IllegalArgumentException("durations must not be negative");
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] <= probabilities[i - 1]) throw new IllegalArgumentException("percentiles must increase");
      if (valuesNanos[i] < valuesNanos[i - 1]) throw new IllegalArgumentException("values must not decrease");
    }
  }

  @Override
  public Sampler sampler(UniformRandomProvider rng) {
    return () -> Math.round(quantileNanos(rng.nextDouble()));
  }

  @Override
  public double meanNanos() {
    double m = 0;
    for (int i = 1; i < probabilities.length; i++) {
      m += (probabilities[i] - probabilities[i - 1]) * (valuesNanos[i] + valuesNanos[i - 1]) / 2.0;
    }
    return m;
  }

  @Override
  public double quantileNanos(double p) {
    int i = Arrays.binarySearch(probabilities, p);
    if (i >= 0) return valuesNanos[i];
    int hi = -i - 1;
    if (hi <= 0) return valuesNanos[0];
    if (hi >= probabilities.length) return valuesNanos[valuesNanos.length - 1];
    int lo = hi - 1;
    double f = (p - probabilities[lo]) / (probabilities[hi] - probabilities[lo]);
    return valuesNanos[lo] + f * (valuesNanos[hi] - valuesNanos[lo]);
  }

  @Override
  public String describe() {
    return "empirical(p50 " + SimTime.format(Math.round(quantileNanos(0.5))) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Empirical e && Arrays.equals(probabilities, e.probabilities) && Arrays.equals(valuesNanos, e.valuesNanos);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(valuesNanos);
  }

  @Override
  public String toString() {
    return describe();
  }
}
