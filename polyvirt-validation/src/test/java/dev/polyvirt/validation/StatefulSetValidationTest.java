package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * StatefulSets against Kubernetes' documented guarantees and AWS's volume rules:
 * <ul>
 *   <li>OrderedReady: pod i+1 is created only once pod i is Running and Ready, so it is never Ready
 *       before pod i (Kubernetes docs, "StatefulSets — Deployment and Scaling Guarantees");
 *   <li>zone affinity: an EBS volume attaches only to an instance in its own Availability Zone (AWS
 *       EC2 User Guide, "Attach an Amazon EBS volume to an instance"), so every pod — the
 *       replacement after a node loss too — runs in its volume's zone;
 *   <li>recovery after a node loss: with the defaults (node-monitor-grace-period 40 s,
 *       tolerationSeconds 300 s, the attach/detach controller's 6-minute maxWaitForUnmountDuration)
 *       the replacement waits ~6–7 minutes for its volume after eviction, as reported in
 *       aws-ebs-csi-driver issue #542 ("stuck in ContainerCreating for about 7 minutes").
 * </ul>
 */
class StatefulSetValidationTest {
  private static String spec(long seed, int replicas, String policy) {
    return """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: stateful
        seed: %d
        horizon: 2h
        priceBook: aws-us-east-1
        workloads:
          - name: db
            runtime: container-image
            traffic: {poisson: {ratePerSecond: 30}}
            request: {duration: {exponential: {mean: 10ms}}, cpu: 250m, memory: 512Mi}
            requirements: {state: stateful}
            candidates: [container]
            models:
              container:
                podStart: {uniform: {min: 1s, max: 20s}}
                nodeFailure: {at: 1h}
                statefulSet: {replicas: %d, zones: 3, podManagementPolicy: %s, volume: {size: 50Gi}, appRecovery: {uniform: {min: 0s, max: 60s}}}
        """.formatted(seed, replicas, policy);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21})
  void orderedReadyNeverHasAPodReadyBeforeItsPredecessor(long seed) {
    ModelResult r = Sims.result(spec(seed, 2 + (int) (seed % 6), "OrderedReady"), "container");
    List<List<Object>> pods = r.tables().get("statefulSet").rows();
    for (int i = 1; i < pods.size(); i++) {
      double previousReady = (Double) pods.get(i - 1).get(4);
      assertThat((Double) pods.get(i).get(3)).as("pod-%d created when pod-%d is Ready", i, i - 1).isEqualTo(previousReady);
      assertThat((Double) pods.get(i).get(4)).as("pod-%d Ready after pod-%d", i, i - 1).isGreaterThan(previousReady);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21})
  void everyPodRunsInItsVolumesZoneAndSoDoesTheReplacement(long seed) {
    ModelResult r = Sims.result(spec(seed, 2 + (int) (seed % 6), "Parallel"), "container");
    List<List<Object>> pods = r.tables().get("statefulSet").rows();
    for (List<Object> pod : pods) assertThat(pod.get(2)).as("node zone of %s", pod.get(0)).isEqualTo(pod.get(1));
    assertThat(r.metrics().get("replacementNodeZone")).isEqualTo((Double) pods.get(0).get(1));
    // Parallel: every pod created at once
    for (List<Object> pod : pods) assertThat((Double) pod.get(3)).isZero();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21})
  void theVolumeWaitAfterEvictionIsTheSixToSevenMinutesReportedForEbs(long seed) {
    ModelResult r = Sims.result(spec(seed, 3, "OrderedReady"), "container");
    assertThat(r.metrics().get("recoveryVolumeWaitSeconds")).isBetween(360.0, 420.0);
    // 40 + 300 + 360 s, + 5-15 s attach, 1-20 s start, 0-60 s recovery
    assertThat(r.metrics().get("recoverySeconds")).isBetween(706.0, 795.0);
  }

  @Test
  void theDatabaseExampleFailsThePoissonCountOfTheDetectionWindow() throws IOException {
    String yaml = example();
    Plan one = Sims.plan(yaml, 1, Set.of("container", "microvm"));
    Plan four = Sims.plan(yaml, 4, Set.of("container", "microvm"));
    assertThat(four.toString()).isEqualTo(one.toString());
    for (ModelResult r : one.workloads().get(0).results()) {
      // 30 requests/s for the 40 s before the node is NotReady: Poisson, mean 1,200, σ 34.6; within 4σ
      assertThat(r.metrics().get("requestsFailedDuringRecovery")).as(r.model()).isBetween(1_200 - 4 * 34.6, 1_200 + 4 * 34.6);
      assertThat(r.figures().orElseThrow().failed()).isEqualTo(r.metrics().get("requestsFailedDuringRecovery").longValue());
      // and they wait from detection to Ready: 30/s over (recovery - 40 s)
      double waiting = 30 * (r.metrics().get("recoverySeconds") - 40);
      assertThat(r.metrics().get("requestsDelayedDuringRecovery")).as(r.model())
          .isBetween(waiting - 4 * Math.sqrt(waiting), waiting + 4 * Math.sqrt(waiting));
    }
  }

  private static String example() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("examples/stateful-database.yaml");
      if (Files.isRegularFile(f)) return Files.readString(f);
    }
    throw new AssertionError("examples/stateful-database.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
