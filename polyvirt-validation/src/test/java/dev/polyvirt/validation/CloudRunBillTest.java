package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.Units;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Google Cloud bills against the closed form of https://cloud.google.com/run/pricing (Tier 1,
 * us-central1): request-based billing charges $0.000024 per vCPU-second and $0.0000025 per
 * GiB-second while an instance starts or handles requests, plus $0.40 per million requests;
 * instance-based billing charges $0.000018 and $0.000002 for the instance's whole life and no
 * request fee; billable time is rounded up to 100 ms. Cloud Run functions bill the same way, with
 * the vCPUs of their memory tier (https://cloud.google.com/functions/docs/configuring/memory:
 * 256 MiB → 0.167 vCPU, 1 GiB → 0.583, 2 GiB → 1).
 */
class CloudRunBillTest {
  private static final long FIRINGS = 100;

  /** Cloud Run functions: requests × $0.40/1M + Σ ceil100(start-up + duration) × (vCPU × $0.000024 + GiB × $0.0000025). */
  @ParameterizedTest(name = "{0} MB ({1} vCPU), duration {2}, cold start {3}")
  @CsvSource({
      "256,  0.167, 40ms,   250ms",
      "1024, 0.583, 250.2ms, 1.05s",
      "2048, 1,     100ms,  99ms"})
  void functionBillIsTheClosedForm(int memoryMb, String vcpus, String duration, String coldStart) {
    long perFiring = 100;
    ModelResult.Figures f = Sims.figures(functionSpec(memoryMb, duration, coldStart, perFiring), "faas");
    long requests = FIRINGS * perFiring;
    assertThat(f.requests()).isEqualTo(requests);
    assertThat(f.coldStarts()).isEqualTo(perFiring);
    long d = Units.duration(duration);
    long c = Units.duration(coldStart);
    long billedMs = (requests - perFiring) * ceil100(d) + perFiring * ceil100(c + d);
    BigDecimal seconds = BigDecimal.valueOf(billedMs).movePointLeft(3);
    BigDecimal compute = seconds.multiply(new BigDecimal(vcpus)).multiply(new BigDecimal("0.000024"))
        .add(seconds.multiply(BigDecimal.valueOf(memoryMb)).divide(BigDecimal.valueOf(1024)).multiply(new BigDecimal("0.0000025")));

    assertThat(f.costUsd().compute()).as("%d billed ms, start-up included", billedMs).isEqualByComparingTo(compute);
    assertThat(f.costUsd().requests()).isEqualByComparingTo(BigDecimal.valueOf(requests).multiply(new BigDecimal("0.40")).movePointLeft(6));
  }

  /**
   * One always-on 1 vCPU / 2 GiB instance serving one request a minute: request-based billing
   * charges each request's ceil100(duration) and its fee; instance-based billing charges the
   * whole horizon and no fee.
   */
  @ParameterizedTest(name = "billing {0}")
  @CsvSource({"request", "instance"})
  void serviceBillIsTheClosedForm(String billing) {
    String duration = "230.5ms";
    ModelResult.Figures f = Sims.figures(serviceSpec(billing, duration), "serverless-container");
    long requests = f.requests();
    assertThat(requests).isBetween(FIRINGS - 1, FIRINGS + 1);
    assertThat(f.completed()).isEqualTo(requests);
    BigDecimal total;
    if (billing.equals("request")) {
      BigDecimal seconds = BigDecimal.valueOf(requests * ceil100(Units.duration(duration))).movePointLeft(3);
      total = seconds.multiply(new BigDecimal("0.000024")).add(seconds.multiply(BigDecimal.valueOf(2)).multiply(new BigDecimal("0.0000025")))
          .add(BigDecimal.valueOf(requests).multiply(new BigDecimal("0.40")).movePointLeft(6));
      assertThat(f.costUsd().requests()).isEqualByComparingTo(BigDecimal.valueOf(requests).multiply(new BigDecimal("0.40")).movePointLeft(6));
    } else {
      BigDecimal seconds = BigDecimal.valueOf(FIRINGS * 60);
      total = seconds.multiply(new BigDecimal("0.000018")).add(seconds.multiply(BigDecimal.valueOf(2)).multiply(new BigDecimal("0.000002")));
      assertThat(f.costUsd().requests()).isEqualByComparingTo(BigDecimal.ZERO);
    }
    assertThat(f.costUsd().total()).isEqualByComparingTo(total);
  }

  /** AWS Fargate bills whole task lives; asking it for Cloud Run's request-based billing is refused with the reason. */
  @Test
  void requestBasedBillingIsCloudRunsOnly() {
    ModelResult r = Sims.result(serviceSpec("request", "100ms").replace("priceBook: gcp-us-central1", "priceBook: aws-us-east-1"),
        "serverless-container");
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).anyMatch(s -> s.contains("billing: request is Cloud Run's"));
  }

  private static long ceil100(long nanos) {
    return Math.max(100, (nanos + 99_999_999) / 100_000_000 * 100);
  }

  private static String functionSpec(int memoryMb, String duration, String coldStart, long perFiring) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bill
        seed: 1
        horizon: %dm
        priceBook: gcp-us-central1
        workloads:
          - name: job
            runtime: python
            traffic: {schedule: {cron: "* * * * *", requestsPerFiring: %d}}
            request: {duration: "%s", cpu: 50m, memory: 128Mi}
            candidates: [faas]
            models:
              faas: {memorySize: %d, keepAlive: forever, coldStart: "%s"}
        """, FIRINGS, perFiring, duration, memoryMb, coldStart);
  }

  private static String serviceSpec(String billing, String duration) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: bill
        seed: 1
        horizon: %dm
        priceBook: gcp-us-central1
        workloads:
          - name: svc
            runtime: container-image
            traffic: {schedule: {cron: "* * * * *"}}
            request: {duration: "%s", cpu: 1, memory: 256Mi}
            candidates: [serverless-container]
            models:
              serverless-container: {minScale: 1, maxScale: 1, containerConcurrency: 1, cpu: 1, memory: 2Gi, billing: %s}
        """, FIRINGS, duration, billing);
  }
}
