package dev.polyvirt.models.datacenter;

import dev.polyvirt.models.datacenter.power.OverloadDetector;
import dev.polyvirt.models.datacenter.power.StaticThreshold;
import java.util.Arrays;

/**
 * LRR: local regression made robust to outliers (Beloglazov &amp; Buyya, CCPE 2012 §5.1, after
 * Cleveland, "Robust locally weighted regression and smoothing scatterplots", JASA 1979). The line
 * is fitted to the last 10 samples with tricube weights of the distance to the newest sample, as
 * LR fits it; then each sample is weighted again by the bisquare of its residual over six times
 * the median absolute residual (a sample that far off gets weight 0) and the line refitted, twice.
 * The host is overloaded when safety × the utilisation predicted once its slowest VM could have
 * migrated is at least 1 (CloudSim's example safety 1.2). Fewer than 10 samples: THR 0.7, as LR.
 * CloudSim's own robust step weights differently (it divides by the bisquare); this follows Cleveland.
 */
public record RobustLocalRegression(double safety) implements OverloadDetector {
  static final int WINDOW = 10;
  /** Cleveland's recommendation (JASA 1979 §2): two robustness iterations. */
  static final int ROBUSTNESS_ITERATIONS = 2;
  static final StaticThreshold FALLBACK = new StaticThreshold(0.7);

  @Override
  public String name() {
    return "LRR";
  }

  @Override
  public int window() {
    return WINDOW;
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    if (length < WINDOW) return FALLBACK.overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    double[] y = Arrays.copyOfRange(history, length - WINDOW, length);
    double[] w = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      double d = (WINDOW - 1 - i) / (double) (WINDOW - 1);
      w[i] = Math.pow(1 - d * d * d, 3);
    }
    double[] line = fit(y, w);
    for (int iteration = 0; iteration < ROBUSTNESS_ITERATIONS; iteration++) {
      double[] residual = new double[WINDOW];
      for (int i = 0; i < WINDOW; i++) residual[i] = Math.abs(y[i] - (line[0] + line[1] * (i + 1)));
      double[] sorted = residual.clone();
      Arrays.sort(sorted);
      double s = (sorted[WINDOW / 2 - 1] + sorted[WINDOW / 2]) / 2;
      if (!(s > 0)) break; // the line already fits half the samples exactly
      double[] robust = new double[WINDOW];
      for (int i = 0; i < WINDOW; i++) {
        double u = residual[i] / (6 * s);
        robust[i] = u < 1 ? w[i] * (1 - u * u) * (1 - u * u) : 0;
      }
      double[] refit = fit(y, robust);
      if (!Double.isFinite(refit[0]) || !Double.isFinite(refit[1])) break;
      line = refit;
    }
    double ahead = Math.ceil(maxMigrationSeconds / intervalSeconds);
    return (line[0] + line[1] * (WINDOW + ahead)) * safety >= 1;
  }

  /** Returns {intercept, slope} of the weighted least-squares line through (i + 1, y[i]). */
  static double[] fit(double[] y, double[] w) {
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < y.length; i++) {
      double x = i + 1;
      sw += w[i];
      sx += w[i] * x;
      sy += w[i] * y[i];
      sxx += w[i] * x * x;
      sxy += w[i] * x * y[i];
    }
    double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
    return new double[] {(sy - slope * sx) / sw, slope};
  }
}
