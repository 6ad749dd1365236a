package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency against the closed form of AWS Lambda pricing (effective 2025-10-01,
 * https://aws.amazon.com/lambda/pricing/; figures.md "Prices"): every configured instance costs
 * $0.0000041667 per GB-s while it is held (time rounded up to 5 minutes), and a request it serves
 * costs $0.0000097222 per GB-s of duration (rounded up to 1 ms) instead of the on-demand rate,
 * plus the usual $0.20 per million requests. One request a minute never needs more than the two
 * provisioned instances, so there is no cold start and no on-demand duration.
 */
class LambdaProvisionedBillTest {
  private static final long MINUTES = 100; // 20 × 5 min: the held time needs no rounding

  @Test
  void provisionedBillIsTheClosedForm() {
    ModelResult.Figures f = Sims.figures(spec(), "faas");
    long requests = f.requests();
    assertThat(requests).isBetween(MINUTES - 1, MINUTES + 1);
    assertThat(f.coldStarts()).isZero();

    BigDecimal gb = BigDecimal.valueOf(2048).divide(BigDecimal.valueOf(1024)); // 2 GB
    BigDecimal duration = BigDecimal.valueOf(requests * 121).movePointLeft(3).multiply(gb).multiply(new BigDecimal("0.0000097222"));
    BigDecimal held = BigDecimal.valueOf(2 * MINUTES * 60).multiply(gb).multiply(new BigDecimal("0.0000041667"));
    BigDecimal fee = BigDecimal.valueOf(requests).multiply(new BigDecimal("0.20")).movePointLeft(6);

    assertThat(f.costUsd().compute()).as("duration on provisioned instances, 121 ms each").isEqualByComparingTo(duration);
    assertThat(f.costUsd().idle()).as("2 instances × 2 GB × 6,000 s held").isEqualByComparingTo(held);
    assertThat(f.costUsd().requests()).isEqualByComparingTo(fee);
  }

  private static String spec() {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: provisioned
        seed: 1
        horizon: %dm
        priceBook: aws-us-east-1
        workloads:
          - name: job
            runtime: python
            traffic: {schedule: {cron: "* * * * *"}}
            request: {duration: "120.4ms", cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: 2048, provisionedConcurrency: 2, keepAlive: forever}
        """, MINUTES);
  }
}
