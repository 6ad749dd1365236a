package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FaaS cold starts under Poisson arrivals with a fixed keep-alive. Outside source: the gaps of a
 * Poisson process of rate λ are exponential, so P(gap > T) = e^(−λT); SimFaaS (Mahmoudi &amp;
 * Khazaei, "Performance Modeling of Serverless Computing Platforms", IEEE TCC 2020) models cold
 * starts on the same relation.
 *
 * <p>An arrival is warm iff the instance that served the previous request is idle and still warm:
 * the gap G since the previous arrival satisfies S ≤ G &lt; S + T, where S is the previous request's
 * time on its instance (d = 1 ms warm, d + C cold). With p the cold-start rate and
 * A = e^(−λ(T+d)) + 1 − e^(−λd), B = e^(−λ(T+d+C)) + 1 − e^(−λ(d+C)) (cold after a warm / a cold
 * request; the second term is an arrival that finds its instance still busy), stationarity gives
 * p = A / (1 − B + A). Terms of order (λ(d+C))² ≤ 2e-5 are neglected — an older second instance
 * exists only after two overlapping requests. With C = 0 and d → 0 this is e^(−λT).
 *
 * <p>The request needs 50m of CPU, which 128 MB (0.072 vCPU at 1,769 MB per vCPU) covers, so the
 * model's CPU-share slowdown stays at 1 and the service is exactly 1 ms.
 *
 * <p>Each case runs 2 million requests; the tolerance is 4 binomial standard errors,
 * 4·sqrt(p(1−p)/n) ≈ 0.0003–0.0014 (successive outcomes are correlated by less than |B − A| ≤ 0.005,
 * which changes the variance by under 1 %).
 */
class FaasColdStartPoissonTest {
  private static final long REQUESTS = 2_000_000;
  private static final double D_S = 0.001;
  private static final double COLD_S = 0.020;

  /** The cold-start rate of Poisson traffic with keep-alive T is the chance a gap outlasts T (plus the service), e^(−λ(T+S)). */
  @ParameterizedTest(name = "lambda={0}/s T={1}s")
  @CsvSource({"0.1, 1", "0.1, 5", "0.05, 20", "0.2, 10", "0.1, 30"})
  void coldStartRateIsExponentialTail(double lambda, double keepAliveS) {
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(lambda, horizonS, "{fixed: " + (long) keepAliveS + "s}"), "faas");

    double a = Math.exp(-lambda * (keepAliveS + D_S)) + 1 - Math.exp(-lambda * D_S);
    double b = Math.exp(-lambda * (keepAliveS + D_S + COLD_S)) + 1 - Math.exp(-lambda * (D_S + COLD_S));
    double expected = a / (1 - b + a);
    long n = f.requests();
    double tolerance = 4 * Math.sqrt(expected * (1 - expected) / n);
    assertThat(Math.exp(-lambda * keepAliveS)).as("case chosen inside [0.05, 0.9]").isBetween(0.049, 0.91);
    assertThat((double) n).as("Poisson count within 4 sd").isCloseTo(lambda * horizonS, within(4 * Math.sqrt(lambda * horizonS)));
    assertThat(f.coldStartRate()).as("cold-start rate vs %.6f (e^-lambda*T = %.6f)", expected, Math.exp(-lambda * keepAliveS))
        .isCloseTo(expected, within(tolerance));
    // a cold start delays the request that caused it, and nothing else does
    assertThat(f.latencyMs().mean()).as("mean latency = d + C × cold rate")
        .isCloseTo(1000 * (D_S + COLD_S * f.coldStartRate()), within(1e-9));
    assertThat(f.throttled() + f.failed()).isZero();
  }

  /** With keep-alive none every request is cold, and by Little's law instances alive average λ × (cold start + duration). */
  @Test
  void noKeepAliveMakesEveryRequestCold() {
    double lambda = 0.5;
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(lambda, horizonS, "none"), "faas");

    assertThat(f.coldStarts()).isEqualTo(f.requests());
    double busyS = f.requests() * (D_S + COLD_S);
    assertThat(f.avgInstances()).as("Little's law").isCloseTo(busyS / horizonS, within(1e-6));
  }

  /** With keep-alive forever an instance is created only when all are busy, so cold starts equal the peak instance count. */
  @Test
  void keepAliveForeverColdStartsEqualPeakInstances() {
    double lambda = 50;
    long horizonS = Math.round(REQUESTS / lambda);
    ModelResult.Figures f = Sims.figures(spec(lambda, horizonS, "forever"), "faas");

    assertThat(f.coldStarts()).isEqualTo(f.peakInstances());
    assertThat(f.coldStarts()).isGreaterThan(1);
  }

  private static String spec(double lambda, long horizonS, String keepAlive) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: cold
        seed: 3
        horizon: %ds
        workloads:
          - name: fn
            runtime: python
            traffic: {poisson: {ratePerSecond: %s}}
            request: {duration: 1ms, cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: 128, keepAlive: %s, coldStart: 20ms}
        """, horizonS, lambda, keepAlive);
  }
}
