package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * An Azure Functions Consumption bill against the closed form of its pricing page
 * (https://azure.microsoft.com/pricing/details/functions/, East US) and learn.microsoft.com
 * "Estimating Consumption plan costs": $0.20 per million executions, plus $0.000016 per GB-s of
 * memory × execution time, where memory is rounded up to the nearest 128 MB (at most 1,536 MB)
 * and execution time up to the nearest 1 ms with a 100 ms minimum; a monthly free grant of 1 M
 * executions and 400,000 GB-s. Instance start-up is not an execution, so a cold start adds
 * latency but no GB-s.
 *
 * <p>As in {@link LambdaBillTest}, a cron schedule fires every minute with 1,000 requests for
 * {@value #FIRINGS} minutes, and {@code keepAlive: forever} keeps the first firing's instances.
 */
class AzureFunctionsBillTest {
  private static final long FIRINGS = 100;
  private static final long PER_FIRING = 1000;
  private static final BigDecimal PER_GB_SECOND = new BigDecimal("0.000016");
  private static final BigDecimal PER_MILLION = new BigDecimal("0.20");

  /** executions × $0.20/1M + executions × max(100, ceil_ms(duration)) × ceil128(memory)/1024/1000 × $0.000016, exactly. */
  @ParameterizedTest(name = "{0} MB bills {1} MB, duration {2} bills {3} ms")
  @CsvSource({
      "160,  256,  40ms,    100",
      "128,  128,  250.2ms, 251",
      "1536, 1536, 100ms,   100",
      "1000, 1024, 2.0001s, 2001"})
  void billIsTheClosedForm(int memoryMb, int billedMb, String duration, long billedMs) {
    ModelResult.Figures f = Sims.figures(spec(memoryMb, duration, false), "faas");
    long requests = FIRINGS * PER_FIRING;
    assertThat(f.requests()).isEqualTo(requests);
    assertThat(f.coldStarts()).isEqualTo(PER_FIRING);
    assertThat(billedMs).isEqualTo(Math.max(100, (Units.duration(duration) + 999_999) / 1_000_000));

    BigDecimal gbSeconds = BigDecimal.valueOf(requests * billedMs * billedMb).divide(BigDecimal.valueOf(1024L * 1000L));
    assertThat(f.costUsd().compute()).as("execution time: cold starts not billed").isEqualByComparingTo(gbSeconds.multiply(PER_GB_SECOND));
    assertThat(f.costUsd().requests()).isEqualByComparingTo(BigDecimal.valueOf(requests).multiply(PER_MILLION).movePointLeft(6));
    assertThat(f.costUsd().idle()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  /** With freeTier: true the month's grant, prorated to the 100-minute horizon, comes off both meters. */
  @Test
  void freeGrantIsProratedToTheHorizon() {
    ModelResult.Figures f = Sims.figures(spec(1024, "3s", true), "faas");
    BigDecimal share = BigDecimal.valueOf(FIRINGS).divide(BigDecimal.valueOf(730 * 60), MathContext.DECIMAL128);
    long requests = FIRINGS * PER_FIRING;
    BigDecimal gbSeconds = BigDecimal.valueOf(requests * 3000L).divide(BigDecimal.valueOf(1000)); // 1 GB × 3 s each
    BigDecimal billedGbSeconds = gbSeconds.subtract(BigDecimal.valueOf(400_000).multiply(share)).max(BigDecimal.ZERO);
    BigDecimal billedRequests = BigDecimal.valueOf(requests).subtract(BigDecimal.valueOf(1_000_000).multiply(share)).max(BigDecimal.ZERO);

    assertThat(f.costUsd().compute().doubleValue()).isCloseTo(billedGbSeconds.multiply(PER_GB_SECOND).doubleValue(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.costUsd().requests().doubleValue()).isCloseTo(billedRequests.multiply(PER_MILLION).movePointLeft(6).doubleValue(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(billedRequests.signum()).as("100 minutes of a 1 M grant is 2,283 executions, fewer than 100,000").isPositive();
  }

  /** A function above the 1,536 MB instance cannot run on the Consumption plan. */
  @Test
  void memoryAboveTheCapIsInfeasible() {
    ModelResult r = Sims.result(spec(2048, "1s", false), "faas");
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).anyMatch(s -> s.contains("2048 MB is above the 1536 MB Azure Functions Consumption allows"));
  }

  private static String spec(int memoryMb, String duration, boolean freeTier) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bill
        seed: 1
        horizon: %dm
        priceBook: azure-eastus
        workloads:
          - name: job
            runtime: node
            traffic: {schedule: {cron: "* * * * *", requestsPerFiring: %d}}
            request: {duration: "%s", cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: %d, keepAlive: forever, coldStart: "300ms", freeTier: %s}
        """, FIRINGS, PER_FIRING, duration, memoryMb, freeTier);
  }
}
