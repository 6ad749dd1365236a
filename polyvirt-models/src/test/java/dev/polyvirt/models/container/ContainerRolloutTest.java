package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.api.Test;

/** A rollout and a node failure inside a container run, and their timeline. */
class ContainerRolloutTest {
  private static String spec(String container) {
    return Runs.spec("3h", 5, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 20}}
        request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
        candidates: [container]
        models:
          container: %s
        """.formatted(container));
  }

  @Test
  void aRolloutKeepsReadyPodsAboveTheFloorAndShowsInTheTimeline() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 8, rollout: {at: 1h, maxSurge: 2, maxUnavailable: 25%}}"));
    assertThat(r.metrics()).containsEntry("rolloutMaxUnavailable", 2.0);
    assertThat(r.metrics().get("rolloutSeconds")).isBetween(1.0, 300.0);
    ModelResult.Table t = r.tables().get("timeline");
    double minReady = Double.MAX_VALUE, maxPods = 0;
    for (int i = 0; i < t.rows().size(); i++) {
      minReady = Math.min(minReady, t.number(i, "readyPodsMin"));
      maxPods = Math.max(maxPods, t.number(i, "podsMax"));
    }
    assertThat(minReady).isGreaterThanOrEqualTo(6);
    // at most replicas + maxSurge pods not terminating (terminating ones drain their requests and count as instances)
    assertThat(maxPods).isLessThanOrEqualTo(10);
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("rollout at 1h of 8 pods, maxUnavailable 2"));
  }

  @Test
  void aLostNodesPodsAreReplacedAfterEviction() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 6, nodeType: t3.small, nodeFailure: {at: 1h}}"));
    assertThat(r.metrics().get("podsLostWithNode")).isPositive();
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("node lost at 1h").contains("340s later"));
    ModelResult.Table t = r.tables().get("timeline");
    int row = -1;
    for (int i = 0; i < t.rows().size(); i++) if (t.cell(i, "from").equals("01:02")) row = i;
    assertThat(t.number(row, "readyPodsMin")).isLessThan(6); // still lost 2 min after the failure
    assertThat(t.number(t.rows().size() - 1, "readyPodsMin")).isEqualTo(6); // replaced by the end
  }

  @Test
  void rolloutSettingsAreChecked() {
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{rollout: {at: 1h, maxSurge: 0, maxUnavailable: 0}}")))
        .singleElement().asString().contains("cannot both be 0");
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{rollout: {at: 1h, maxSurge: lots}}")))
        .singleElement().asString().contains("pod count or a percentage");
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{rollout: {maxSurge: 1}}"))).singleElement().asString().contains("needs 'at'");
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{rolout: {at: 1h}}"))).singleElement().asString().contains("rollout");
  }

  @Test
  void aTimelineCanBeAskedForWithoutEvents() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{replicas: 2, timeline: true}"));
    ModelResult.Table t = r.tables().get("timeline");
    assertThat(t.rows()).hasSize(3); // hourly rows over 3 h
    assertThat(t.number(0, "readyPodsMin")).isEqualTo(2);
    assertThat(r.metrics()).containsKey("peakNodes").doesNotContainKey("rolloutSeconds");
  }

  @Test
  void overprovisioningLetsABurstsPodsStartWithoutWaitingForNodes() {
    String burst = """
        runtime: container-image
        traffic: {bursts: {baseRatePerSecond: 1, burstRatePerSecond: 40, every: 1h, length: 5m, start: 30m}}
        request: {duration: 200ms, cpu: 500m, memory: 256Mi}
        candidates: [container]
        models:
          container: {nodeType: m5.large, autoscaling: {minReplicas: 1, maxReplicas: 30}, timeline: true%s}
        """;
    ModelResult plain = Runs.run(new ContainerModel(), Runs.spec("2h", 8, burst.formatted("")));
    ModelResult headroom = Runs.run(new ContainerModel(), Runs.spec("2h", 8, burst.formatted(", overprovisioningPods: 12")));
    assertThat(headroom.metrics().get("podPendingSecondsMean")).isLessThan(plain.metrics().get("podPendingSecondsMean"));
    assertThat(headroom.figures().orElseThrow().latencyMs().p99()).isLessThan(plain.figures().orElseThrow().latencyMs().p99());
    assertThat(headroom.figures().orElseThrow().costUsd().total()).isGreaterThan(plain.figures().orElseThrow().costUsd().total());
  }
}
