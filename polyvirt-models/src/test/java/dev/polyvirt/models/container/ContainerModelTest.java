package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The container model: fixed replicas, HPA, isolation and OS feasibility, the control-plane share. */
class ContainerModelTest {

  private static String spec(String horizon, long seed, String traffic, String requirements, String container) {
    return Runs.spec(horizon, seed, """
        runtime: container-image
        traffic: %s
        request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
        requirements: %s
        candidates: [container]
        %s
        """.formatted(traffic, requirements, container == null ? "" : "models:\n  container: " + container));
  }

  @ParameterizedTest(name = "replicas {0}, concurrency {1}, seed {2}")
  @CsvSource({"3, 1, 1", "3, 4, 2", "1, 1, 3", "7, 2, 4"})
  void fixedReplicasWithoutAutoscalingStayExactlyReplicas(int replicas, int concurrency, long seed) {
    // Without autoscaling the model keeps exactly `replicas` pods for the whole horizon (SPEC.md §2).
    ModelResult.Figures f = Runs.figures(new ContainerModel(), spec("1h", seed, "{poisson: {ratePerSecond: 2}}", "{}",
        "{replicas: %d, concurrency: %d}".formatted(replicas, concurrency)));
    assertThat(f.avgInstances()).isEqualTo(replicas);
    assertThat(f.peakInstances()).isEqualTo(replicas);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.coldStarts()).isZero();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void hpaScalesUpUnderABurst(long seed) {
    // With an HPA, a burst far above one pod's capacity grows the deployment past minReplicas, and no request is lost.
    ModelResult r = Runs.run(new ContainerModel(), Runs.spec("2h", seed, """
        runtime: container-image
        traffic: {bursts: {baseRatePerSecond: 0.5, burstRatePerSecond: 8, every: 2h, length: 20m, start: 20m}}
        request: {duration: 1s, cpu: 500m, memory: 128Mi}
        candidates: [container]
        models:
          container: {replicas: 1, autoscaling: {minReplicas: 1, maxReplicas: 30, averageUtilization: 50}}
        """));
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.peakInstances()).isGreaterThanOrEqualTo(8);
    assertThat(f.avgInstances()).isLessThan(f.peakInstances() / 2.0);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("HPA 1-30"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{isolation: hardware}                           | isolation: hardware is not met",
      "{isolation: sandboxed}                          | isolation: sandboxed is not met",
      "{compliance: [pci-dss]}                         | isolation: hardware (required by pci-dss) is not met",
      "{isolation: shared-kernel, compliance: [hipaa]} | (required by hipaa)"})
  void isolationAboveSharedKernelIsInfeasible(String requirements, String reason) {
    // Containers share the host kernel, so a hardware (or sandboxed) boundary, or compliance demanding one, makes them infeasible.
    ModelResult r = Runs.run(new ContainerModel(), spec("10m", 1, "{poisson: {ratePerSecond: 1}}", requirements, null));
    assertThat(r.feasible()).isFalse();
    assertThat(r.figures()).isEmpty();
    assertThat(r.infeasibleReasons()).singleElement().asString().contains(reason).contains("containers share the host kernel");
  }

  @Test
  void complianceWithoutHardwareNeedsStaysFeasible() {
    // Compliance regimes that do not demand a hardware boundary leave containers feasible.
    assertThat(Runs.run(new ContainerModel(), spec("10m", 1, "{poisson: {ratePerSecond: 1}}", "{compliance: [gdpr]}", null))
        .infeasibleReasons()).isEmpty();
  }

  @ParameterizedTest(name = "os {0}")
  @CsvSource(delimiter = '|', value = {"legacy | os: legacy needs re-engineering"})
  void legacyOsIsInfeasible(String os, String reason) {
    // Legacy OS-bound applications cannot run as containers (Windows runs on a Windows node pool: WindowsNodePoolTest).
    ModelResult r = Runs.run(new ContainerModel(), spec("10m", 1, "{poisson: {ratePerSecond: 1}}", "{os: %s}".formatted(os), null));
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).anySatisfy(x -> assertThat(x).contains(reason));
  }

  @ParameterizedTest(name = "horizon {0}, {2} container workload(s)")
  @CsvSource({"10h, 1.00, 1", "10h, 0.25, 4", "90m, 0.15, 1", "90m, 0.05, 3"})
  void controlPlaneShareIsBilledAsOther(String horizon, String expectedOther, int workloads) {
    // The EKS control plane ($0.10 per cluster-hour over the horizon), split evenly between the container workloads, appears in costUsd.other.
    RunContext ctx = Runs.context(spec(horizon, 1, "{poisson: {ratePerSecond: 1}}", "{}", "{replicas: 1}"), workloads);
    ModelResult.Figures f = Runs.run(new ContainerModel(), ctx).figures().orElseThrow();
    assertThat(f.costUsd().other()).isEqualByComparingTo(new BigDecimal(expectedOther));
    ModelResult.CostUsd c = f.costUsd();
    assertThat(c.total()).isEqualByComparingTo(c.compute().add(c.requests()).add(c.idle()).add(c.other()));
    assertThat(c.compute()).isPositive();
    assertThat(c.requests()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void nodeSurplusCreditsAreComputeNotIdle() {
    // On burstable nodes, surplus CPU credits pay for CPU actually used: they are compute, and idle is only the unused share of node-hours.
    // One t3.micro node (2 vCPU, 10 % baseline: earns 720 vCPU-s an hour) runs one pod serving a 1-core, 30 s request a minute:
    // busy 60 x 30 = 1800 core-s, surplus 1080 vCPU-s = $0.015, node $0.0104, CPU utilisation 1800 / 7200 = 25 %.
    ModelResult.Figures f = Runs.figures(new ContainerModel(), Runs.spec("1h", """
        runtime: container-image
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 30s, cpu: 1, memory: 256Mi}
        candidates: [container]
        models:
          container: {replicas: 1, nodeType: t3.micro, hypervisorOverhead: 0}
        """));
    ModelResult.CostUsd c = f.costUsd();
    assertThat(c.other()).as("control plane").isEqualByComparingTo("0.10");
    assertThat(c.compute().add(c.idle())).as("node + surplus credits").isEqualByComparingTo("0.0254");
    assertThat(c.idle()).as("idle = 75 % of the node price only").isEqualByComparingTo("0.0078");
  }
}
