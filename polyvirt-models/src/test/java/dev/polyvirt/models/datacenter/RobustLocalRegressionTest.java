package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.datacenter.power.LocalRegression;
import dev.polyvirt.models.datacenter.power.RobustLocalRegression;
import dev.polyvirt.spec.Infrastructure;
import org.junit.jupiter.api.Test;

/** LRR ignores a one-sample spike that tips LR over (Cleveland's bisquare robustness step), agrees with LR on a clean line, and every detector name maps to its class. */
class RobustLocalRegressionTest {
  // a steady climb of 0.02 per sample with one 1.0 spike just before the newest sample
  static final double[] SPIKED = {0.4, 0.42, 0.44, 0.46, 0.48, 0.5, 0.52, 0.54, 1.0, 0.58};

  @Test
  void aSpikeTipsLrButNotLrr() {
    // LR predicts 0.790 one interval ahead (× 1.3 ≥ 1); LRR drops the spike and follows the climb: 0.60 at x = 11
    assertThat(new LocalRegression(1.3).overloaded(SPIKED, 10, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1.3).overloaded(SPIKED, 10, 10, 300)).isFalse();
    assertThat(new RobustLocalRegression(1 / 0.6 + 1e-6).overloaded(SPIKED, 10, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1 / 0.6 - 1e-6).overloaded(SPIKED, 10, 10, 300)).isFalse();
  }

  @Test
  void onAnExactLineItPredictsTheLine() {
    // y = 0.25 + 0.05 x: at x = 11, 0.80
    double[] line = new double[10];
    for (int i = 0; i < 10; i++) line[i] = 0.25 + 0.05 * (i + 1);
    assertThat(new RobustLocalRegression(1 / 0.8 + 1e-6).overloaded(line, 10, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1 / 0.8 - 1e-6).overloaded(line, 10, 10, 300)).isFalse();
  }

  @Test
  void fewerThanTenSamplesFallBackToThr07() {
    assertThat(new RobustLocalRegression(1.2).overloaded(new double[] {0.71}, 1, 10, 300)).isTrue();
    assertThat(new RobustLocalRegression(1.2).overloaded(new double[] {0.69}, 1, 10, 300)).isFalse();
  }

  @Test
  void everyDetectorNameMapsToItsClass() {
    assertThat(DatacenterModel.detector(spec("thr", 0.8)).name()).isEqualTo("THR");
    assertThat(DatacenterModel.detector(spec("iqr", 1.5)).name()).isEqualTo("IQR");
    assertThat(DatacenterModel.detector(spec("mad", 2.5)).name()).isEqualTo("MAD");
    assertThat(DatacenterModel.detector(spec("lr", 1.2)).name()).isEqualTo("LR");
    assertThat(DatacenterModel.detector(spec("lrr", 1.2)).name()).isEqualTo("LRR");
  }

  static Infrastructure.ConsolidationSpec spec(String overload, double parameter) {
    return new Infrastructure.ConsolidationSpec(300_000_000_000L, overload, parameter, "mmt", true);
  }
}
