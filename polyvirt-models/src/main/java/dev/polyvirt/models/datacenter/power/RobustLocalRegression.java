package dev.polyvirt.models.datacenter.power;

import java.util.Arrays;

/**
 * LRR: {@link LocalRegression} made robust to outliers (CCPE 2012 §5.1, after Cleveland 1979): fit
 * the tricube-weighted line, take its residuals e, and fit again with each sample's weight
 * multiplied by the bisquare (1 − (e / 6 MAD)²)², MAD being the median absolute residual; then
 * predict and decide as LR does (CloudSim example safety 1.2; fewer than 10 samples: THR 0.7). The
 * reweighting is repeated {@value #ROBUSTNESS_ITERATIONS} times, Cleveland's recommendation (JASA 1979
 * §2), so a single spike among the ten samples loses its pull on the line.
 *
 * <p>Unless {@code weighted}: CloudSim 3.0.3's {@code MathUtil.getRobustLoessParameterEstimates}
 * passes both weight sets through {@code createWeigthedLinearRegression}, which ignores weights
 * unless at least 40 % are zero, and none is, so it fits the same ordinary least-squares line as
 * its LR: in CloudSim's code LRR and LR decide alike. {@link #asCloudSim()} reproduces that.
 */
public record RobustLocalRegression(double safety, boolean weighted) implements OverloadDetector {
  /** Cleveland's recommendation (JASA 1979 §2): two robustness iterations. */
  static final int ROBUSTNESS_ITERATIONS = 2;

  /** Returns LRR with tricube and bisquare weights, as the paper describes it. */
  public RobustLocalRegression(double safety) {
    this(safety, true);
  }

  @Override
  public String name() {
    return "LRR";
  }

  @Override
  public int window() {
    return LocalRegression.WINDOW;
  }

  @Override
  public OverloadDetector asCloudSim() {
    return new RobustLocalRegression(safety, false);
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    if (!weighted) return new LocalRegression(safety, false).overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    int n = LocalRegression.WINDOW;
    if (length < n) return AdaptiveThreshold.FALLBACK.overloaded(history, length, maxMigrationSeconds, intervalSeconds);
    double[] y = Arrays.copyOfRange(history, length - n, length);
    double[] tricube = LocalRegression.TRICUBE;
    double[] line = LocalRegression.fit(y, tricube);
    for (int iteration = 0; iteration < ROBUSTNESS_ITERATIONS; iteration++) {
      double[] residual = new double[n];
      for (int i = 0; i < n; i++) residual[i] = Math.abs(y[i] - (line[0] + line[1] * (i + 1)));
      double[] sorted = residual.clone();
      Arrays.sort(sorted);
      double s6 = 6 * (sorted[n / 2 - 1] + sorted[n / 2]) / 2; // six times the median absolute residual (n = 10 is even)
      if (!(s6 > 0)) break; // the line already fits half the samples exactly
      double[] robust = new double[n];
      for (int i = 0; i < n; i++) {
        double r = residual[i] / s6;
        robust[i] = r < 1 ? tricube[i] * (1 - r * r) * (1 - r * r) : 0;
      }
      double[] refit = LocalRegression.fit(y, robust);
      if (!Double.isFinite(refit[0]) || !Double.isFinite(refit[1])) break;
      line = refit;
    }
    return LocalRegression.predicted(line, maxMigrationSeconds, intervalSeconds) * safety >= 1;
  }
}
