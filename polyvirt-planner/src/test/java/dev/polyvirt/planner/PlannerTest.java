package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.SpecException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner end to end on tiny specs: restriction to some models, the shared cluster, the recommendation. */
class PlannerTest {

  static Plan plan(String yaml, Set<String> only) {
    try {
      return new Planner(2, s -> {}).plan(BoundPortfolio.parse("p.yaml", yaml, Path.of(".")), only);
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static final String ONE = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: p
      horizon: 20m
      workloads:
        - name: api
          runtime: python
          traffic: {poisson: {ratePerSecond: 2}}
          request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 2s}
      """;

  @Test
  void restrictingToFaasRunsOnlyFaas() {
    // plan(p, {faas}) simulates only faas (the --models option): one result per workload, and the recommendation comes from it.
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Plan plan;
    try {
      plan = new Planner(2, progress::add).plan(BoundPortfolio.parse("p.yaml", ONE, Path.of(".")), Set.of("faas"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    WorkloadPlan w = plan.workloads().get(0);
    assertThat(w.results()).extracting(ModelResult::model).containsExactly("faas");
    assertThat(w.recommendation().model()).contains("faas");
    assertThat(progress).containsExactly("api on faas");
  }

  @Test
  void withoutRestrictionEveryCandidateHasAResultInRegistryOrder() {
    // With no restriction every candidate model gets a row, in the registry's order, the unmodelled ones infeasible.
    WorkloadPlan w = plan(ONE, Set.of()).workloads().get(0);
    // (the datacenter model takes part only when the spec has an infrastructure: section)
    assertThat(w.results()).extracting(ModelResult::model)
        .containsExactlyElementsOf(ComputeModels.names().stream().filter(n -> !n.equals("datacenter")).toList());
    assertThat(w.results()).filteredOn(ModelResult::feasible).extracting(ModelResult::model).contains("vm", "container", "faas");
    assertThat(w.results()).filteredOn(r -> !r.feasible())
        .allSatisfy(r -> assertThat(r.infeasibleReasons()).containsExactly("not modelled in this version"));
    assertThat(w.recommendation().model()).isPresent();
  }

  @Test
  void restrictionToAModelNotAmongTheCandidatesLeavesNoResults() {
    // Restricting to a model the workload does not list runs nothing for it, and the recommendation is then empty.
    WorkloadPlan w = plan(ONE.replace("requirements:", "candidates: [vm]\n    requirements:"), Set.of("faas")).workloads().get(0);
    assertThat(w.results()).isEmpty();
    assertThat(w.recommendation().model()).isEmpty();
  }

  @Test
  void containerWorkloadsShareOneControlPlane() {
    // The EKS control-plane fee over the horizon is split evenly between the workloads a container can host.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: shared
        horizon: 10h
        workloads:
          - name: a
            runtime: python
            traffic: {poisson: {ratePerSecond: 0.1}}
            request: {duration: 100ms, cpu: 250m, memory: 256Mi}
            candidates: [container]
            models: {container: {replicas: 1}}
          - name: b
            runtime: python
            traffic: {poisson: {ratePerSecond: 0.1}}
            request: {duration: 100ms, cpu: 250m, memory: 256Mi}
            candidates: [container, faas]
            models: {container: {replicas: 1}}
          - name: regulated
            runtime: python
            traffic: {poisson: {ratePerSecond: 0.1}}
            request: {duration: 100ms, cpu: 250m, memory: 256Mi}
            requirements: {compliance: [pci-dss]}
            candidates: [container, vm]
        """;
    Plan plan = plan(yaml, Set.of());
    // $0.10 x 10 h = $1.00, shared by a and b; "regulated" cannot run in a container and does not pay
    for (int i = 0; i < 2; i++) {
      ModelResult c = plan.workloads().get(i).results().get(0);
      assertThat(c.model()).isEqualTo("container");
      assertThat(c.figures().orElseThrow().costUsd().other()).isEqualByComparingTo(new BigDecimal("0.50"));
    }
    assertThat(plan.workloads().get(2).results().get(0).feasible()).isFalse();
  }

  @Test
  void theRecommendedModelServesAlmostEveryRequestItWasOffered() {
    // Whatever each model does, the recommended one completed at least 99.9 % of the requests it was offered.
    String yaml = """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: idle-at-night
        horizon: 2h
        workloads:
          - name: nightly
            runtime: python
            traffic: {bursts: {baseRatePerSecond: 0, burstRatePerSecond: 3, every: 2h, length: 10m, start: 1h}}
            request: {duration: {exponential: {mean: 300ms}}, cpu: 250m, memory: 256Mi}
            requirements: {latencyP99: 1s}
            candidates: [vm, faas]
            models:
              vm: {instanceType: c5.large, count: 1, autoscaling: {min: 1, max: 5}}
        """;
    WorkloadPlan w = plan(yaml, Set.of()).workloads().get(0);
    String chosen = w.recommendation().model().orElseThrow();
    ModelResult.Figures f = w.results().stream().filter(r -> r.model().equals(chosen)).findFirst().orElseThrow().figures().orElseThrow();
    assertThat((double) f.completed() / f.requests()).as("%s completed %d of %d requests", chosen, f.completed(), f.requests())
        .isGreaterThanOrEqualTo(0.999);
  }
}
