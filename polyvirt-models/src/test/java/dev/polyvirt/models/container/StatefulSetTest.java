package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.container.stateful.OrderedReady;
import dev.polyvirt.models.container.stateful.VolumeRecovery;
import dev.polyvirt.models.container.stateful.ZonalNodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StatefulSets: ordinal order, volumes bound to a zone, recovery after a node loss. */
class StatefulSetTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  private static String spec(String container) {
    return Runs.spec("2h", 4, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 10}}
        request: {duration: 5ms, cpu: 100m, memory: 64Mi}
        requirements: {state: stateful}
        candidates: [container]
        models:
          container: %s
        """.formatted(container));
  }

  @Test
  void orderedReadyCreatesEachPodWhenItsPredecessorIsReady() {
    long[] start = {10 * S, 20 * S, 5 * S};
    assertThat(OrderedReady.createdTimes(0, start, true)).containsExactly(0, 10 * S, 30 * S);
    assertThat(OrderedReady.readyTimes(0, start, true)).containsExactly(10 * S, 30 * S, 35 * S);
    // Parallel: all created at once, pod-2 Ready first
    assertThat(OrderedReady.readyTimes(0, start, false)).containsExactly(10 * S, 20 * S, 5 * S);
  }

  @Test
  void recoveryIsDetectPlusEvictionPlusForceDetachPlusAttachPlusStart() {
    // 40 s + 300 s + 360 s force detach (the node in the zone boots in 60 s, hidden behind it) + 10 s attach + 3 s + 30 s = 743 s
    VolumeRecovery r = VolumeRecovery.plan(0, 60 * S, 360 * S, 10 * S, 3 * S, 30 * S);
    assertThat(r.detectedAt()).isEqualTo(40 * S);
    assertThat(r.evictedAt()).isEqualTo(340 * S);
    assertThat(r.detachedAt()).isEqualTo(700 * S);
    assertThat(r.attachedAt()).isEqualTo(710 * S);
    assertThat(r.recoverySeconds()).isEqualTo(743.0);
    // a node slower to boot than the detach wait (500 s) is the bottleneck instead: 340 + 500 + 10 + 33
    assertThat(VolumeRecovery.plan(0, 500 * S, 360 * S, 10 * S, 3 * S, 30 * S).recoverySeconds()).isEqualTo(883.0);
  }

  @Test
  void aPodIsOnlyEverPlacedInItsVolumesZone() {
    ZonalNodes z = new ZonalNodes(5, 3);
    for (int i = 0; i < 5; i++) assertThat(z.zoneOfNode(z.placeOnNewNode(i))).isEqualTo(i % 3);
    int lostPod = z.lose(z.nodeOfPod(4));
    assertThat(lostPod).isEqualTo(4);
    assertThat(z.nodeOfPod(4)).isEqualTo(-1);
    assertThat(z.zoneOfNode(z.placeOnNewNode(4))).isEqualTo(1);
  }

  @Test
  void aNodeLossMeasuresTheRecoveryAndTheRequestsItFailedOrDelayed() {
    ModelResult r = Runs.run(new ContainerModel(), spec("""
        {podStart: 3s, hypervisorOverhead: 0, nodeFailure: {at: 1h},
           statefulSet: {replicas: 3, volume: {size: 100Gi, attach: 10s}, appRecovery: 30s}}"""));
    assertThat(r.metrics().get("recoverySeconds")).isEqualTo(743.0);
    assertThat(r.metrics().get("recoveryDetectSeconds")).isEqualTo(40.0);
    assertThat(r.metrics().get("replacementNodeZone")).isEqualTo(0.0);
    // pod-0's shard gets a third of 10 requests/s: ~133 fail in the 40 s before detection, ~2,343 wait in the 703 s after
    double failed = r.metrics().get("requestsFailedDuringRecovery");
    assertThat(failed).isBetween(95.0, 175.0);
    assertThat(r.metrics().get("requestsDelayedDuringRecovery")).isBetween(2_150.0, 2_550.0);
    assertThat(r.figures().orElseThrow().failed()).isEqualTo((long) failed);
    // the delayed requests waited up to ~12 minutes: they set the p99
    assertThat(r.figures().orElseThrow().latencyMs().p99()).isGreaterThan(60_000);
    // OrderedReady: each pod Ready 43 s (10 s attach + 3 s start + 30 s recovery) after its predecessor
    List<List<Object>> pods = r.tables().get("statefulSet").rows();
    assertThat(pods).extracting(row -> (Double) row.get(4)).containsExactly(43.0, 86.0, 129.0);
    assertThat(r.metrics().get("statefulSetReadySeconds")).isEqualTo(129.0);
    assertThat(r.tables().get("recovery").rows()).hasSize(7);
  }

  @Test
  void withoutAFailureThereIsNoRecoveryAndNothingFails() {
    ModelResult r = Runs.run(new ContainerModel(), spec("{podStart: 3s, statefulSet: {replicas: 2, volume: {size: 10Gi}, podManagementPolicy: Parallel}}"));
    assertThat(r.metrics()).doesNotContainKey("recoverySeconds");
    assertThat(r.figures().orElseThrow().failed()).isZero();
    assertThat(r.metrics().get("statefulSetReadySeconds")).isBetween(8.0, 18.0); // 5-15 s attach + 3 s, in parallel
  }

  @Test
  void badStatefulSetKeysAreReportedWithHints() {
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{statefulSet: {replicas: 3, volum: {size: 1Gi}}}")))
        .anySatisfy(p -> assertThat(p.toString()).contains("volume"));
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{replicas: 3, statefulSet: {volume: {size: 1Gi}}}")))
        .singleElement().asString().contains("does not apply to a statefulSet");
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{statefulSet: {volume: {size: 1Gi}, podManagementPolicy: Ordered}}")))
        .singleElement().asString().contains("OrderedReady");
    assertThat(Runs.bindProblems(new ContainerModel(), spec("{livenessFailures: {mtbf: 1h}, statefulSet: {volume: {size: 1Gi}}}")))
        .singleElement().asString().contains("not modelled for a statefulSet");
  }
}
