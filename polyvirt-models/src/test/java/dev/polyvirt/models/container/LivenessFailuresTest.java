package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.api.Test;

/** livenessFailures: pods hang at random, fail their requests in service and restart. */
class LivenessFailuresTest {
  private static String spec(String container) {
    return Runs.spec("10h", 4, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 20}}
        request: {duration: 100ms, cpu: 250m, memory: 256Mi}
        candidates: [container]
        models:
          container: %s
        """.formatted(container));
  }

  @Test
  void tenPodsWithAnHourlyMtbfRestartAboutAHundredTimesInTenHours() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 10, livenessFailures: {mtbf: 1h}}"));
    double restarts = r.metrics().get("livenessRestarts");
    // 10 pods x 10 h / 1 h = 100 expected (Poisson, σ 10), less the ~45 s each pod is down per failure
    assertThat(restarts).isBetween(70.0, 130.0);
    assertThat(r.metrics().get("restartsPerPodDay")).isBetween(16.8, 31.2); // 24 per pod-day expected
    ModelResult.Figures f = r.figures().orElseThrow();
    // each failure fails at most the one request its pod holds (concurrency 1); 2 in service on average over 10 pods
    assertThat(f.failed()).isPositive().isLessThanOrEqualTo((long) restarts);
    assertThat(f.completed() + f.failed()).isEqualTo(f.requests());
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("liveness failures every 1h"));
  }

  @Test
  void withoutTheKeyNothingRestarts() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 10}"));
    assertThat(r.metrics()).doesNotContainKey("livenessRestarts");
    assertThat(r.figures().orElseThrow().failed()).isZero();
  }

  @Test
  void anMtbfIsRequired() {
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{livenessFailures: {mtbff: 1h}}")))
        .anySatisfy(p -> assertThat(p.toString()).contains("mtbf"));
  }
}
