package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Request counts of the synthetic traffic kinds. Outside source: the number of arrivals of a
 * (non-homogeneous) Poisson process in [0, H] is Poisson distributed with mean Λ = ∫₀^H λ(t) dt
 * (Ross, <i>Simulation</i>, 5th ed., 2013, §5.5; Lewis &amp; Shedler 1979 for thinning), so each
 * count must lie within 4·sqrt(Λ) of Λ — about 0.25 % at these sizes; a cron schedule is exact.
 * Λ is computed here independently from each kind's definition in SPEC.md §2.
 */
class TrafficCountTest {

  /** A raised-cosine day over a span that is not a whole period counts ∫λ, including the partial cosine. */
  @Test
  void diurnalCountIsTheIntegralOfItsRate() {
    // λ(t) = trough + (peak − trough)(1 + cos(2π(t − peakAt)/P))/2, peak 1000/s, trough 0, P = 1 h, peakAt 0, H = 75 min
    double peak = 1000, trough = 0, periodS = 3600, horizonS = 4500;
    double swing = peak - trough;
    double omega = 2 * Math.PI / periodS;
    double lambda = (trough + swing / 2) * horizonS + swing / 2 * Math.sin(omega * horizonS) / omega;
    long n = count("diurnal: {peakPerSecond: 1000, troughPerSecond: 0, period: 1h, peakAt: 0s}", "75m");
    assertThat((double) n).as("diurnal count vs %.0f", lambda).isCloseTo(lambda, within(4 * Math.sqrt(lambda)));
  }

  /** Bursts switch a Poisson process between two rates, so the count is base × quiet time + burst × burst time. */
  @Test
  void burstsCountIsPiecewiseRateTimesTime() {
    // every 10 min: 1 min at 200/s, then 9 min at 10/s; 24 h = 144 cycles
    double lambda = 144 * (60 * 200.0 + 540 * 10.0);
    long n = count("bursts: {baseRatePerSecond: 10, burstRatePerSecond: 200, every: 10m, length: 1m}", "24h");
    assertThat((double) n).as("bursts count vs %.0f", lambda).isCloseTo(lambda, within(4 * Math.sqrt(lambda)));
  }

  /** A monthly volume is spread over the 730-hour billing month, so 73 h carry a tenth of it. */
  @Test
  void monthlyRequestsSpreadOver730Hours() {
    double lambda = 20_000_000 / 10.0;
    long n = count("monthlyRequests: 20000000", "73h");
    assertThat((double) n).as("monthly count vs %.0f", lambda).isCloseTo(lambda, within(4 * Math.sqrt(lambda)));
  }

  /** A cron schedule fires exactly at its matching minutes: every 15 minutes is 96 firings a day. */
  @Test
  void scheduleCountIsExact() {
    assertThat(count("schedule: {cron: \"*/15 * * * *\", requestsPerFiring: 7}", "1d")).isEqualTo(96 * 7);
    // Monday 2024-01-01 is day 0: weekdays at 09:30 over two weeks fire 10 times
    assertThat(count("schedule: {cron: \"30 9 * * MON-FRI\"}", "14d")).isEqualTo(10);
  }

  private static long count(String traffic, String horizon) {
    String spec = String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: traffic
        seed: 9
        horizon: %s
        workloads:
          - name: src
            runtime: go
            traffic: {%s}
            request: {duration: 1ms, cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: 128, keepAlive: forever, coldStart: 1ms}
        """, horizon, traffic);
    return Sims.figures(spec, "faas").requests();
  }
}
