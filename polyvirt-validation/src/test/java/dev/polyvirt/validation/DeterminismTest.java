package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.report.JsonReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reproducibility, as SPEC.md and the engine's RandomStreams promise it: a stream's seed depends
 * only on the spec seed and its path of names (workload, model, purpose), never on thread count or
 * on which other workloads exist. Outside source for the method: named, split streams (Steele,
 * Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) and the
 * "common random numbers" practice of comparing alternatives on identical input (Law, <i>Simulation
 * Modeling and Analysis</i>, 5th ed., 2015, §11.2).
 */
class DeterminismTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String HEAD = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: determinism
      seed: %d
      horizon: 12h
      workloads:
      """;
  private static final String THREE = """
        - name: api
          runtime: python
          traffic: {poisson: {ratePerSecond: 4}}
          request: {duration: {exponential: {mean: 120ms}}, cpu: 250m, memory: 256Mi}
        - name: thumbs
          runtime: node
          traffic: {diurnal: {peakPerSecond: 6, troughPerSecond: 0.5, period: 24h, peakAt: 14h}}
          request: {duration: {lognormal: {p50: 80ms, p99: 900ms}}, cpu: 500m, memory: 512Mi}
          models:
            faas: {memorySize: 1024, keepAlive: {fixed: 5m}}
            container: {autoscaling: {minReplicas: 1, maxReplicas: 8}}
            vm: {autoscaling: {min: 1, max: 6, targetCpu: 60}}
        - name: batch
          runtime: java
          traffic: {bursts: {baseRatePerSecond: 0.5, burstRatePerSecond: 40, every: 1h, length: 2m}}
          request: {duration: {uniform: {min: 200ms, max: 2s}}, cpu: 1, memory: 1Gi}
          models:
            faas: {instanceSelection: random, keepAlive: {fixed: 2m}}
            container: {replicas: 3, concurrency: 2, loadBalancer: least-requests}
      """;
  private static final String FOURTH_NO_CONTAINER = """
        - name: report
          runtime: go
          traffic: {poisson: {ratePerSecond: 2}}
          request: {duration: 300ms, cpu: 250m, memory: 128Mi}
          candidates: [vm, faas]
      """;
  private static final String FOURTH_WITH_CONTAINER = """
        - name: report
          runtime: go
          traffic: {poisson: {ratePerSecond: 2}}
          request: {duration: 300ms, cpu: 250m, memory: 128Mi}
      """;

  /** The same spec and seed render byte-identical JSON on 1 thread and on 4. */
  @Test
  void sameSeedSameBytesWhateverTheThreadCount() {
    String spec = HEAD.formatted(42) + THREE;
    String one = JsonReport.render(Sims.plan(spec, 1, Set.of()));
    String four = JsonReport.render(Sims.plan(spec, 4, Set.of()));
    assertThat(four).isEqualTo(one);
    assertThat(JsonReport.render(Sims.plan(spec, 4, Set.of()))).isEqualTo(one);
    // the three workloads really ran on vm, container and faas (and any other model that can host them)
    JsonNode root = JSON.readTree(one);
    for (JsonNode w : root.get("workloads")) {
      java.util.List<String> simulated = new java.util.ArrayList<>();
      for (JsonNode r : w.get("results")) {
        if (r.get("feasible").asBoolean() && r.get("requests").asLong() > 0) simulated.add(r.get("model").asString());
      }
      assertThat(simulated).as(w.get("name").asString()).contains("vm", "container", "faas");
    }
  }

  /** Adding a workload that does not share the Kubernetes cluster leaves the other workloads' results unchanged. */
  @Test
  void addingAWorkloadDoesNotChangeTheOthers() {
    JsonNode before = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(42) + THREE, 2, Set.of())));
    JsonNode after = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(42) + THREE + FOURTH_NO_CONTAINER, 2, Set.of())));
    assertThat(after.get("workloads").size()).isEqualTo(4);
    for (int i = 0; i < 3; i++) assertThat(after.get("workloads").get(i)).isEqualTo(before.get("workloads").get(i));
  }

  /**
   * Adding a container workload changes the others' container rows only by their share of the one
   * EKS control-plane fee ($0.10 per cluster-hour split evenly, ContainerBill): every simulated
   * figure stays identical.
   */
  @Test
  void addingAContainerWorkloadOnlyResplitsTheControlPlaneFee() {
    JsonNode before = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(42) + THREE, 2, Set.of())));
    JsonNode after = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(42) + THREE + FOURTH_WITH_CONTAINER, 2, Set.of())));
    for (int i = 0; i < 3; i++) {
      JsonNode b = before.get("workloads").get(i).get("results");
      JsonNode a = after.get("workloads").get(i).get("results");
      assertThat(a.size()).isEqualTo(b.size());
      for (int k = 0; k < b.size(); k++) {
        // microvm pods run on the same kind of EKS cluster and take the same share of its fee
        if (!List.of("container", "microvm").contains(b.get(k).get("model").asString())) {
          // the planner's scores compare models, so they move when the container's bill moves; the figures do not
          assertThat(withoutScores(a.get(k))).isEqualTo(withoutScores(b.get(k)));
          continue;
        }
        assertThat(new BigDecimal(b.get(k).get("costUsd").get("other").asString())).isEqualByComparingTo("0.400000"); // 0.10 × 12 h / 3
        assertThat(new BigDecimal(a.get(k).get("costUsd").get("other").asString())).isEqualByComparingTo("0.300000"); // 0.10 × 12 h / 4
        assertThat(withoutControlPlaneShare(a.get(k))).isEqualTo(withoutControlPlaneShare(b.get(k)));
      }
    }
  }

  /** Another seed draws other arrivals and durations, so the figures change. */
  @Test
  void anotherSeedChangesTheNumbers() {
    JsonNode a = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(42) + THREE, 2, Set.of())));
    JsonNode b = JSON.readTree(JsonReport.render(Sims.plan(HEAD.formatted(43) + THREE, 2, Set.of())));
    JsonNode ra = a.get("workloads").get(0).get("results");
    JsonNode rb = b.get("workloads").get(0).get("results");
    for (int k = 0; k < ra.size(); k++) {
      if (!ra.get(k).get("feasible").asBoolean()) continue;
      assertThat(rb.get(k).get("requests").asLong()).isNotEqualTo(ra.get(k).get("requests").asLong());
      assertThat(rb.get(k).get("latencyMs")).isNotEqualTo(ra.get(k).get("latencyMs"));
    }
  }

  /** Returns a result without the planner's scorecard (relative to the other models' figures). */
  private static JsonNode withoutScores(JsonNode result) {
    ObjectNode copy = (ObjectNode) result.deepCopy();
    copy.remove("planner");
    return copy;
  }

  /** Returns a container result without the fields the shared control-plane fee moves. */
  private static JsonNode withoutControlPlaneShare(JsonNode result) {
    ObjectNode copy = (ObjectNode) result.deepCopy();
    ObjectNode cost = (ObjectNode) copy.get("costUsd");
    cost.remove("other");
    cost.remove("total");
    copy.remove("costUsdPerMonth");
    copy.remove("notes");
    copy.remove("planner");
    return copy;
  }
}
