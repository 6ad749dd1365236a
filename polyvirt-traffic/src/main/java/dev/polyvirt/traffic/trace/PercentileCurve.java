package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.dist.Empirical;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A distribution known by some of its percentiles, as traces publish them (durations in ms,
 * memory in MB), with the quantile function interpolated linearly between them — the same model
 * as {@link Empirical}, which {@link #toEmpirical} turns it into.
 *
 * <p>Published percentiles are averages over time windows and can dip by rounding; {@link #of}
 * makes them non-decreasing (each value at least the one before). Several functions replayed as
 * one stream have the mixture of their distributions, weighted by invocations, which
 * {@link #mixture} computes exactly.
 */
public record PercentileCurve(double[] probabilities, double[] values) {
  public PercentileCurve {
    probabilities = probabilities.clone();
    values = values.clone();
    if (probabilities.length != values.length || probabilities.length < 2 || probabilities[0] != 0
        || probabilities[probabilities.length - 1] != 1) {
      throw new IllegalArgumentException("need points from the 0th to the 100th percentile");
    }
    for (int i = 1; i < values.length; i++) {
      if (!(probabilities[i] > probabilities[i - 1]) || values[i] < values[i - 1]) {
        throw new IllegalArgumentException("percentiles must increase and values must not decrease");
      }
    }
  }

  /** Returns the curve through the points, each value raised to at least the one before it. */
  public static PercentileCurve of(double[] probabilities, double[] values) {
    double[] v = values.clone();
    for (int i = 1; i < v.length; i++) v[i] = Math.max(v[i], v[i - 1]);
    return new PercentileCurve(probabilities, v);
  }

  /** Returns the {@code p}-quantile (0 ≤ p ≤ 1). */
  public double quantile(double p) {
    int i = Arrays.binarySearch(probabilities, p);
    if (i >= 0) return values[i];
    int hi = -i - 1;
    if (hi <= 0) return values[0];
    if (hi >= values.length) return values[values.length - 1];
    double f = (p - probabilities[hi - 1]) / (probabilities[hi] - probabilities[hi - 1]);
    return values[hi - 1] + f * (values[hi] - values[hi - 1]);
  }

  /** Returns the probability of a value at most {@code v}. */
  public double cdf(double v) {
    if (v < values[0]) return 0;
    int last = values.length - 1;
    if (v >= values[last]) return 1;
    int i = 0;
    while (i + 1 <= last && values[i + 1] <= v) i++;
    return probabilities[i] + (v - values[i]) / (values[i + 1] - values[i]) * (probabilities[i + 1] - probabilities[i]);
  }

  /** Returns the mean (the integral of the quantile function). */
  public double mean() {
    double m = 0;
    for (int i = 1; i < values.length; i++) m += (probabilities[i] - probabilities[i - 1]) * (values[i] + values[i - 1]) / 2;
    return m;
  }

  /** Returns the curve as an {@link Empirical} duration, each value times {@code nanosPerUnit} (1e6 for ms). */
  public Empirical toEmpirical(double nanosPerUnit) {
    long[] nanos = new long[values.length];
    for (int i = 0; i < nanos.length; i++) nanos[i] = Math.round(values[i] * nanosPerUnit);
    return new Empirical(probabilities, nanos);
  }

  /**
   * Returns the mixture of {@code parts} weighted by {@code weights} (e.g. invocations; equal
   * weights when all are zero), exactly: each part spreads probability evenly between consecutive
   * points (or puts it on one value where two points share it), so the mixed CDF is piecewise
   * linear between the parts' values. A sweep over those values in order gives its points.
   */
  public static PercentileCurve mixture(List<PercentileCurve> parts, long[] weights) {
    if (parts.size() == 1) return parts.get(0);
    double total = Arrays.stream(weights).sum();
    List<double[]> events = new ArrayList<>(); // {value, change of density, atom}
    for (int k = 0; k < parts.size(); k++) {
      double w = total > 0 ? weights[k] / total : 1.0 / parts.size();
      PercentileCurve c = parts.get(k);
      for (int i = 0; w > 0 && i + 1 < c.values.length; i++) {
        double mass = w * (c.probabilities[i + 1] - c.probabilities[i]);
        double width = c.values[i + 1] - c.values[i];
        if (width == 0) {
          events.add(new double[] {c.values[i], 0, mass});
        } else {
          events.add(new double[] {c.values[i], mass / width, 0});
          events.add(new double[] {c.values[i + 1], -mass / width, 0});
        }
      }
    }
    events.sort(Comparator.comparingDouble(e -> e[0]));
    Points points = new Points();
    double density = 0;
    double f = 0;
    double at = events.get(0)[0];
    for (int i = 0; i < events.size(); ) {
      double v = events.get(i)[0];
      f += density * (v - at);
      at = v;
      points.add(f, v);
      for (; i < events.size() && events.get(i)[0] == v; i++) {
        density += events.get(i)[1];
        f += events.get(i)[2];
      }
      points.add(f, v);
    }
    return points.curve();
  }

  /** The points of a curve being built: probabilities forced to increase, the last set to exactly 1. */
  private static final class Points {
    private static final double STEP = 1e-12;
    private final List<double[]> list = new ArrayList<>();

    void add(double p, double v) {
      if (!list.isEmpty()) {
        double[] last = list.get(list.size() - 1);
        if (v == last[1] && p <= last[0] + STEP) return;
        p = Math.max(p, last[0] + STEP);
      }
      list.add(new double[] {list.isEmpty() ? 0 : Math.min(p, 1), v});
    }

    PercentileCurve curve() {
      while (list.size() > 2 && list.get(list.size() - 2)[0] >= 1 - STEP) list.remove(list.size() - 2);
      if (list.size() == 1) list.add(new double[] {1, list.get(0)[1]});
      list.get(list.size() - 1)[0] = 1;
      double[] p = new double[list.size()];
      double[] v = new double[list.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = list.get(i)[0];
        v[i] = list.get(i)[1];
      }
      return of(p, v);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PercentileCurve c && Arrays.equals(probabilities, c.probabilities) && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PercentileCurve" + Arrays.toString(values) + " at " + Arrays.toString(probabilities);
  }
}
