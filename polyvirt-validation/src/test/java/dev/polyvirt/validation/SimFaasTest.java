package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keep-alive and cold-start semantics reproduce the serverless model of Mahmoudi &amp;
 * Khazaei ("Performance Modeling of Serverless Computing Platforms", IEEE TCC 2020; SimFaaS,
 * CLOSER 2021): Poisson arrivals at λ = 0.9/s, warm service 1.991 s and cold service 2.244 s
 * (exponential), instances expire after 600 s idle, requests go to the most recently used idle
 * instance. SimFaaS reports P(cold) ≈ 0.0014 and ≈ 7.66 instances on average.
 *
 * <p>Our cold request runs a cold start then its service, so the cold start is exponential with
 * the difference of the means, 253 ms (cold service mean 2.244 s; its distribution is not exactly
 * exponential). Over 60 simulated days (4.7 M requests) six seeds gave P(cold) 0.00135–0.00136
 * and 7.69–7.72 instances (seed-to-seed spread ±0.4 % and ±0.2 %). The published P(cold) is
 * rounded to two digits (0.0014 stands for 0.00135–0.00145, ±3.6 %), so the test accepts ±5 % of
 * it; the instance count must be within 1 %.
 */
class SimFaasTest {
  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: simfaas
      seed: %d
      horizon: 60d
      workloads:
        - name: f
          runtime: python
          traffic: {poisson: {ratePerSecond: 0.9}}
          request: {duration: {exponential: {mean: 1991ms}}, cpu: 50m, memory: 128Mi}
          candidates: [faas]
          models:
            faas: {memorySize: 128, keepAlive: {fixed: 600s}, coldStart: {exponential: {mean: 253ms}}}
      """;

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void coldStartProbabilityAndInstancesMatchSimFaas(long seed) {
    // P(cold) is within 5 % of SimFaaS's (two-digit) 0.0014 and the mean instance count within 1 % of 7.66
    ModelResult.Figures f = Sims.figures(SPEC.formatted(seed), "faas");
    assertThat(f.coldStartRate()).isCloseTo(0.0014, within(0.0014 * 0.05));
    assertThat(f.avgInstances()).isCloseTo(7.66, within(7.66 * 0.01));
  }
}
