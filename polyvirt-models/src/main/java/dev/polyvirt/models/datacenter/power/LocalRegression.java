package dev.polyvirt.models.datacenter.power;

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
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < WINDOW; i++) {
      double x = i + 1;
      double y = history[length - WINDOW + i];
      double d = (WINDOW - 1 - i) / (double) (WINDOW - 1);
      double w = tricube ? Math.pow(1 - d * d * d, 3) : 1;
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
    }
    double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
    double intercept = (sy - slope * sx) / sw;
    double ahead = Math.ceil(maxMigrationSeconds / intervalSeconds);
    double predicted = intercept + slope * (WINDOW + ahead);
    return predicted * safety >= 1;
  }
}
