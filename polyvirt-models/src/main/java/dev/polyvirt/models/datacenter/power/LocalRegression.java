package dev.polyvirt.models.datacenter.power;

/**
 * LR: fits a line to the last 10 samples by least squares weighted with the tricube kernel of
 * the distance to the newest sample (Cleveland's loess, as CCPE 2012 §5.1 uses it), predicts the
 * utilisation once the slowest VM could have migrated away, and calls the host overloaded when
 * safety × prediction ≥ 1 (CloudSim example safety 1.2). Fewer than 10 samples: THR 0.7.
 */
public record LocalRegression(double safety) implements OverloadDetector {
  static final int WINDOW = 10;

  @Override
  public String name() {
    return "LR";
  }

  @Override
  public int window() {
    return WINDOW;
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    if (length < WINDOW) return AdaptiveThreshold.FALLBACK.overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < WINDOW; i++) {
      double x = i + 1;
      double y = history[length - WINDOW + i];
      double d = (WINDOW - 1 - i) / (double) (WINDOW - 1);
      double w = Math.pow(1 - d * d * d, 3);
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
