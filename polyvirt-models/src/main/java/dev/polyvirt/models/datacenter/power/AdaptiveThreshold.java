package dev.polyvirt.models.datacenter.power;

import java.util.Arrays;

/**
 * IQR and MAD: the threshold is 1 − s × spread of the host's utilisation history, the spread being
 * the interquartile range or the median absolute deviation (CCPE 2012 §5.1; CloudSim example
 * safety parameters 1.5 and 2.5). With fewer than 12 samples it falls back to THR 0.7, as
 * CloudSim does.
 *
 * <p>Quartiles are linearly interpolated (the usual definition) unless {@code nearestRank}: then
 * they are taken as CloudSim 3.0.3's {@code MathUtil.iqr} takes them, the sorted sample at
 * position round(p × (n + 1)) (1-based), with no interpolation. MAD is the same either way.
 */
public record AdaptiveThreshold(String name, double safety, boolean interquartile, boolean nearestRank) implements OverloadDetector {
  static final int MIN_HISTORY = 12;
  static final StaticThreshold FALLBACK = new StaticThreshold(0.7);

  /** Returns the detector with linearly interpolated quartiles (the signature before CloudSim mode). */
  public AdaptiveThreshold(String name, double safety, boolean interquartile) {
    this(name, safety, interquartile, false);
  }

  /** Returns IQR with safety parameter {@code s}. */
  public static AdaptiveThreshold iqr(double s) {
    return new AdaptiveThreshold("IQR", s, true);
  }

  /** Returns MAD with safety parameter {@code s}. */
  public static AdaptiveThreshold mad(double s) {
    return new AdaptiveThreshold("MAD", s, false);
  }

  @Override
  public OverloadDetector asCloudSim() {
    return new AdaptiveThreshold(name, safety, interquartile, true);
  }

  @Override
  public int window() {
    return 30; // CloudSim PowerVm.HISTORY_LENGTH
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    if (length < MIN_HISTORY) return FALLBACK.overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    double[] h = Arrays.copyOf(history, length);
    double spread = interquartile ? (nearestRank ? nearestRankIqr(h) : iqr(h)) : mad(h);
    return history[length - 1] > 1 - safety * spread;
  }

  static double iqr(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return quantile(s, 0.75) - quantile(s, 0.25);
  }

  /** CloudSim 3.0.3 {@code MathUtil.iqr}: sorted[round(0.75 (n + 1)) − 1] − sorted[round(0.25 (n + 1)) − 1]. */
  static double nearestRankIqr(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int q1 = (int) Math.round(0.25 * (s.length + 1)) - 1;
    int q3 = (int) Math.round(0.75 * (s.length + 1)) - 1;
    return s[q3] - s[q1];
  }

  static double mad(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    double median = quantile(s, 0.5);
    double[] dev = new double[s.length];
    for (int i = 0; i < s.length; i++) dev[i] = Math.abs(s[i] - median);
    Arrays.sort(dev);
    return quantile(dev, 0.5);
  }

  /** Linear-interpolation quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
