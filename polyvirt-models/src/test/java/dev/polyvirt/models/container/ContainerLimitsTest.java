package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.api.Test;

/** resources.limits: CPU as a CFS quota, memory below a request's working set. */
class ContainerLimitsTest {
  private static String spec(String container) {
    return Runs.spec("1h", 4, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 0.5}}
        request: {duration: 200ms, cpu: 500m, memory: 256Mi}
        candidates: [container]
        models:
          container: %s
        """.formatted(container));
  }

  @Test
  void aCpuLimitBelowTheDemandThrottlesEveryRequest() {
    // 200 ms at 0.5 cores = 100 core-ms; a 250m limit gives 25 core-ms per 100 ms period: 3 periods + 50 ms = 350 ms
    ModelResult.Figures f = Runs.figures(new ContainerModel(), spec(
        "{replicas: 20, hypervisorOverhead: 0, resources: {requests: {cpu: 500m}, limits: {cpu: 250m}}}"));
    assertThat(f.latencyMs().p50()).isCloseTo(350, org.assertj.core.data.Offset.offset(1.0));
    ModelResult.Figures free = Runs.figures(new ContainerModel(), spec("{replicas: 20, hypervisorOverhead: 0, resources: {limits: {cpu: 1}}}"));
    assertThat(free.latencyMs().p50()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void aMemoryLimitBelowOneRequestIsInfeasible() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 2, resources: {limits: {memory: 128Mi}}}"));
    assertThat(r.infeasibleReasons()).singleElement().asString().contains("OOM-killed");
  }

  @Test
  void aMisspeltLimitKeyIsReportedWithASuggestion() {
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{resources: {limits: {cpuu: 1}}}")))
        .singleElement().asString().contains("cpu");
  }
}
