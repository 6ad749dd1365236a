package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.FargateMeter;
import dev.polyvirt.pricing.PriceBooks;
import dev.polyvirt.spec.SpecException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instances billed as AWS Fargate tasks: the closed form by hand, the one-minute minimum, the horizon cut. */
class FargateBillingTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  private static FargateBilling billing(TaskSizes.TaskSize size, long horizon) {
    try {
      return new FargateBilling(new FargateMeter(PriceBooks.load("aws-us-east-1", Path.of(".")).fargate(), Architecture.X86_64),
          size, horizon);
    } catch (SpecException e) {
      throw new AssertionError(e);
    }
  }

  private static String spec(String horizon, String traffic, String settings) {
    return Runs.spec(horizon, """
        runtime: container-image
        traffic: %s
        request: {duration: 100ms, cpu: 250m, memory: 128Mi}
        candidates: [serverless-container]
        models:
          serverless-container: %s
        """.formatted(traffic, settings));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x86_64 | 0.04937",    // 0.04048 + 2 × 0.004445
      "arm64  | 0.03950"})   // 0.03238 + 2 × 0.00356
  void oneInstanceForExactlyOneHourAtOneVcpuTwoGbCostsTheHourlyRates(String arch, String expected) {
    // One instance held for exactly 1 h at 1 vCPU / 2 GB costs vCPU-h price + 2 × GB-h price (AWS Fargate pricing), to the cent's billionth.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), spec("1h", "{poisson: {ratePerSecond: 0.05}}",
        "{minScale: 1, maxScale: 1, containerConcurrency: 10, cpu: 1, memory: 2Gi, architecture: %s}".formatted(arch)));
    assertThat(f.costUsd().total()).isEqualByComparingTo(expected);
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).isEqualByComparingTo(expected);
    assertThat(f.costUsd().requests()).isZero();
    assertThat(f.costUsd().other()).isZero();
    assertThat(f.avgInstances()).isEqualTo(1.0);
    assertThat(f.costUsdPerMonth()).isCloseTo(new BigDecimal(expected).doubleValue() * 730, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void aTaskShorterThanAMinuteIsBilledAMinute() {
    // A 10 s task is billed 60 s (per-second billing with a one-minute minimum); a 61.2 s task 62 s (rounded up to the second).
    FargateBilling b = billing(new TaskSizes.TaskSize(1000, 2048), 3600 * S);
    b.task(0, 10 * S);
    assertThat(b.meter().millicoreSeconds()).isEqualTo(60 * 1000);
    assertThat(b.meter().mibSeconds()).isEqualTo(60 * 2048);
    b.task(100 * S, 100 * S + 61_200_000_000L);
    assertThat(b.meter().millicoreSeconds()).isEqualTo((60 + 62) * 1000);
    BigDecimal expected = new BigDecimal("0.04937").multiply(BigDecimal.valueOf(122)).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128);
    assertThat(b.meter().cost().total().subtract(expected).abs()).isLessThan(new BigDecimal("1e-20"));
  }

  @Test
  void tasksAreCutAtTheHorizonAndNothingAfterItIsBilled() {
    // A task running past the horizon is billed up to it (minimum still applies); one starting at or after the horizon is not billed.
    FargateBilling b = billing(new TaskSizes.TaskSize(250, 512), 3600 * S);
    b.task(3000 * S, 9000 * S);
    assertThat(b.meter().millicoreSeconds()).isEqualTo(600 * 250);
    b.task(3590 * S, 3700 * S);
    assertThat(b.meter().millicoreSeconds()).isEqualTo((600 + 60) * 250);
    b.task(3600 * S, 3700 * S);
    assertThat(b.tasks()).isEqualTo(2);
  }

  @Test
  void anInstanceStartedShortlyBeforeTheHorizonPaysTheMinute() {
    // A request at 59:00 in a 59:30 run starts an instance that runs 30 s before the horizon: it is billed the one-minute minimum.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), spec("59m30s", "{schedule: {cron: \"59 * * * *\"}}",
        "{containerConcurrency: 10, cpu: 1, memory: 2Gi, startTime: 2s}"));
    assertThat(f.requests()).isEqualTo(1);
    BigDecimal minute = new BigDecimal("0.04937").multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128);
    assertThat(f.costUsd().total().subtract(minute).abs()).isLessThan(new BigDecimal("1e-20"));
    assertThat(f.avgInstances()).isEqualTo(30.0 / 3570);
  }

  @Test
  void computeIsTheBusyCpuShareOfTheBillAndIdleTheRest() {
    // The bill splits into compute = total × busy CPU / billed vCPU time and idle = the rest, as the vm and container models split theirs.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), spec("1h", "{poisson: {ratePerSecond: 4}}",
        "{minScale: 1, maxScale: 1, containerConcurrency: 10, cpu: 1, memory: 2Gi}"));
    // 4 requests/s × 0.1 s × 0.25 cores = 0.1 busy cores of 1 vCPU
    double share = f.costUsd().compute().doubleValue() / f.costUsd().total().doubleValue();
    assertThat(share).isCloseTo(0.1, org.assertj.core.api.Assertions.within(0.005));
    assertThat(f.utilization()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(0.005));
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).isEqualByComparingTo(f.costUsd().total());
    assertThat(f.energyKwh()).isPositive();
    assertThat(f.co2eKg()).isPositive();
  }
}
