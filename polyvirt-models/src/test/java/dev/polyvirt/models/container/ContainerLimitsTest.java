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

  @Test
  void aMemoryLimitBelowConcurrencyWorkingSetsOomKillsAndRestartsPods() {
    // 4 requests at once per pod but 512Mi holds two 256Mi working sets: a third concurrent request is an OOM kill
    ModelResult r = Runs.run(new ContainerModel(), Runs.spec("1h", 4, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 30}}
        request: {duration: {exponential: {mean: 200ms}}, cpu: 100m, memory: 256Mi}
        candidates: [container]
        models:
          container: {replicas: 3, concurrency: 4, resources: {limits: {memory: 512Mi}}}
        """));
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(r.metrics().get("oomKills")).isPositive();
    assertThat(f.failed()).isGreaterThan(r.metrics().get("oomKills").longValue()); // each kill fails at least its trigger
    assertThat(f.completed() + f.failed()).isLessThanOrEqualTo(f.requests());
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("OOM kill").contains("CrashLoopBackOff"));
  }
}
