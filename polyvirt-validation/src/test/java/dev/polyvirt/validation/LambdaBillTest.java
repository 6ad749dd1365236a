package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Lambda bill against the closed form of AWS Lambda pricing (effective 2025-10-01;
 * shared/reference/figures.md "Prices"): $0.20 per million requests, plus duration rounded up to
 * 1 ms and charged per GB-s (GB = MB / 1024) at $0.0000166667 (x86_64) or $0.0000133334 (arm64)
 * in the first tier. The INIT phase of a cold start is billed as duration (AWS Compute Blog, "AWS
 * Lambda standardizes billing for INIT phase", since 2025-08-01), and AWS rounds INIT + INVOKE up
 * once: "Billed Duration" is ceil(Init Duration + Duration) — AWS Lambda developer guide, "Building
 * a custom runtime" (REPORT Init Duration 48.26 ms, Duration 237.17 ms, Billed Duration 300 ms in
 * the 100-ms era), and L. van Donkersgoed's measurements (2022) of functions whose INIT is billed
 * (1307.68 + 1058.15 ms billed 2366 ms, where rounding each part would give 2367).
 *
 * <p>A cron schedule firing every minute with 1,000 requests per firing for 1,000 minutes gives
 * exactly 10^6 requests. With {@code keepAlive: forever} the first firing creates 1,000 instances
 * (1,000 cold starts: reservedConcurrency is 1,000) and every later firing finds them all warm.
 * The usage stays far inside the first tier (6 B GB-s a month). Requests need 50m of CPU, which
 * even 128 MB covers, so durations are not stretched by the CPU share.
 */
class LambdaBillTest {
  private static final long FIRINGS = 1000;
  private static final long PER_FIRING = 1000;

  /**
   * requests × $0.20/1M + (warm × ceil_ms(duration) + cold × ceil_ms(coldStart + duration)) × MB/1024/1000 × $/GB-s,
   * exactly; in these rows ceil_ms(c + d) = ceil_ms(c) + ceil_ms(d), the form the brief states.
   */
  @ParameterizedTest(name = "{0} {1} MB, duration {2}, cold start {3}")
  @CsvSource({
      "x86_64, 1536, 100.2ms, 250.9ms, 0.0000166667",
      "arm64,   128, 7ms,     1.0001s, 0.0000133334",
      "x86_64, 10240, 0.3ms,  99ms,    0.0000166667"})
  void billIsTheClosedForm(String arch, int memoryMb, String duration, String coldStart, String perGbSecond) {
    checkBill(arch, memoryMb, duration, coldStart, perGbSecond);
  }

  /** A cold request's INIT and its duration are rounded up to the millisecond together, once, as AWS bills them. */
  @Test
  void initAndDurationAreRoundedUpTogether() {
    // 250.4 ms + 100.2 ms = 350.6 ms: billed 351 ms by AWS, not 251 + 101 = 352 ms
    checkBill("x86_64", 1536, "100.2ms", "250.4ms", "0.0000166667");
  }

  private static void checkBill(String arch, int memoryMb, String duration, String coldStart, String perGbSecond) {
    ModelResult.Figures f = Sims.figures(spec(arch, memoryMb, duration, coldStart), "faas");
    long requests = FIRINGS * PER_FIRING;
    long cold = PER_FIRING;
    assertThat(f.requests()).isEqualTo(requests);
    assertThat(f.completed()).isEqualTo(requests);
    assertThat(f.throttled()).isZero();
    assertThat(f.coldStarts()).isEqualTo(cold);

    long d = Units.duration(duration);
    long c = Units.duration(coldStart);
    long billedMs = (requests - cold) * ceilMs(d) + cold * ceilMs(c + d);
    BigDecimal requestFee = BigDecimal.valueOf(requests).multiply(new BigDecimal("0.20")).divide(BigDecimal.valueOf(1_000_000));
    BigDecimal mbMs = BigDecimal.valueOf(billedMs).multiply(BigDecimal.valueOf(memoryMb));
    BigDecimal gbSeconds = mbMs.divide(BigDecimal.valueOf(1024L * 1000L)); // terminates: 1,024,000 = 2^13 × 5^3
    BigDecimal durationFee = gbSeconds.multiply(new BigDecimal(perGbSecond));
    BigDecimal total = requestFee.add(durationFee);

    ModelResult.CostUsd cost = f.costUsd();
    assertThat(cost.requests()).as("request fee").isEqualByComparingTo(requestFee);
    assertThat(cost.compute()).as("duration fee (INIT included): %s billed ms × %d MB", billedMs, memoryMb)
        .isEqualByComparingTo(durationFee);
    assertThat(cost.idle()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(cost.other()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(cost.total()).as("total").isEqualByComparingTo(total);
    assertThat(cost.total().setScale(2, RoundingMode.HALF_UP)).isEqualTo(total.setScale(2, RoundingMode.HALF_UP));
    double month = 730 * 60.0 / FIRINGS;
    assertThat(f.costUsdPerMonth()).isCloseTo(total.doubleValue() * month, within(1e-9 * total.doubleValue() * month));
    // latency: each request's duration (unrounded), plus its cold start for the first firing
    double meanMs = (requests * (double) d + cold * (double) c) / requests / 1e6;
    assertThat(f.latencyMs().mean()).isCloseTo(meanMs, within(1e-9 * meanMs));
  }

  /** Returns whole milliseconds billed for {@code nanos}: rounded up, at least 1 ms. */
  private static long ceilMs(long nanos) {
    return Math.max(1, (nanos + 999_999) / 1_000_000);
  }

  private static String spec(String arch, int memoryMb, String duration, String coldStart) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bill
        seed: 1
        horizon: %dm
        workloads:
          - name: job
            runtime: python
            traffic: {schedule: {cron: "* * * * *", requestsPerFiring: %d}}
            request: {duration: "%s", cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: %d, architecture: %s, keepAlive: forever, coldStart: "%s"}
        """, FIRINGS, PER_FIRING, duration, memoryMb, arch, coldStart);
  }
}
