package dev.polyvirt.models.datacenter.power;

import java.util.Arrays;

/**
 * LR: fits a line to the last 10 samples by least squares weighted with the tricube kernel of
 * the distance to the newest sample (Cleveland's loess, as CCPE 2012 §5.1 describes it), predicts
 * the utilisation once the slowest VM could have migrated away, and calls the host overloaded
 * when safety × prediction ≥ 1 (CloudSim example safety 1.2). Fewer than 10 samples: THR 0.7.
 *
 * <p>Unless {@code tricube}: CloudSim 3.0.3's {@code MathUtil.createWeigthedLinearRegression}
 * applies the weights only when at least 40 % of them are zero, and its tricube weights (which
 * it inverts, 1/k) are never zero for 10 samples, so the line it fits is ordinary least squares
 * over the 10 samples. {@link #asCloudSim()} reproduces that.
 */
public record LocalRegression(double safety, boolean tricube) implements OverloadDetector {
  static final int WINDOW = 10;
  /** Tricube weights of the distance to the newest of the {@value #WINDOW} samples, computed once. */
  static final double[] TRICUBE = tricubeWeights();
  /** Equal weights: ordinary least squares (CloudSim's fit). */
  static final double[] UNIT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /** Returns LR with tricube weights, as the paper describes it. */
  public LocalRegression(double safety) {
    this(safety, true);
  }

  @Override
  public String name() {
    return "LR";
  }

  @Override
  public int window() {
    return WINDOW;
  }

  @Override
  public OverloadDetector asCloudSim() {
    return new LocalRegression(safety, false);
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    if (length < WINDOW) return AdaptiveThreshold.FALLBACK.overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    double[] line = fit(Arrays.copyOfRange(history, length - WINDOW, length), tricube ? TRICUBE : UNIT);
    return predicted(line, maxMigrationSeconds, intervalSeconds) * safety >= 1;
  }

  /** Returns the line's utilisation once the slowest VM could have migrated away. */
  static double predicted(double[] line, double maxMigrationSeconds, double intervalSeconds) {
    double ahead = Math.ceil(maxMigrationSeconds / intervalSeconds);
    return line[0] + line[1] * (WINDOW + ahead);
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

  private static double[] tricubeWeights() {
    double[] w = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      double d = (WINDOW - 1 - i) / (double) (WINDOW - 1);
      w[i] = Math.pow(1 - d * d * d, 3);
    }
    return w;
  }
}
