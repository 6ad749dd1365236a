package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.api.Test;

/** Pod start = image pull onto the pod's node + runtime start + app init. */
class ContainerImageTest {
  private static String spec(String image) {
    return Runs.spec("2h", 6, """
        runtime: container-image
        traffic: {bursts: {baseRatePerSecond: 1, burstRatePerSecond: 30, every: 1h, length: 10m, start: 20m}}
        request: {duration: 200ms, cpu: 500m, memory: 128Mi}
        candidates: [container]
        models:
          container: {nodeType: m5.large, autoscaling: {minReplicas: 1, maxReplicas: 20}, image: %s}
        """.formatted(image));
  }

  @Test
  void newNodesPullColdAndNodesThatRanThePodHitTheCache() {
    ModelResult r = Runs.run(new ContainerModel(),
        spec("{layers: [{digest: base, size: 200Mi}, {digest: app, size: 50Mi}], pullBandwidth: 50Mi, layerLatency: 100ms, appInit: 2s}"));
    // a cold pull of the whole image: 250 MiB at 50 MiB/s + 2 layers x 100 ms = 5.2 s
    assertThat(r.metrics().get("imageColdPulls")).isPositive();
    assertThat(r.metrics().get("imageCacheHits")).isPositive();
    assertThat(r.metrics().get("imageColdPullSecondsMean")).isCloseTo(5.2, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.metrics().get("imagePulledMiB")).isEqualTo(250 * r.metrics().get("imageColdPulls"));
  }

  @Test
  void neverPullingAMissingImageLeavesPodsUnstarted() {
    ModelResult r = Runs.run(new ContainerModel(),
        spec("{size: 300Mi, pullBandwidth: 50Mi, layerLatency: 100ms, imagePullPolicy: Never}"));
    assertThat(r.metrics().get("podsNeverStarted")).isPositive();
  }

  @Test
  void imageSettingsAreChecked() {
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{size: 300Mi}"))).hasSize(2); // pullBandwidth, layerLatency
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{size: 300Mi, pullBandwidth: 50Mi, layerLatency: 1s, imagePullPolicy: IfNotPresnt}")))
        .singleElement().asString().contains("IfNotPresent");
  }
}
