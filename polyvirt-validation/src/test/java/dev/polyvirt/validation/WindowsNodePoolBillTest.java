package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A Windows workload on containers against its list prices, in closed form. Outside sources: AWS
 * EC2 on-demand pricing (m5.large $0.096/h, 2 vCPUs; t3.medium $0.0416/h), the price book's
 * Windows licence per vCPU-hour (m5.large Windows $0.188/h − Linux $0.096/h = $0.046 per vCPU-h),
 * Amazon EKS pricing ($0.10 per cluster-hour), the Amazon EKS User Guide ("Deploy Windows nodes on
 * EKS clusters": the cluster needs one or more Linux nodes for CoreDNS; a Windows node runs as many
 * pods as its one ENI has IPv4 addresses minus one) and the AWS EC2 User Guide (m5.large: 10 IPv4
 * addresses per network interface, so 9 pods per Windows node).
 */
class WindowsNodePoolBillTest {

  /** One hour of n Windows nodes costs n × (instance + licence × vCPUs), plus the control plane and one Linux system node. */
  @ParameterizedTest(name = "{0} pods of {1} -> {2} Windows nodes")
  @CsvSource({"7, 250m, 1", "8, 250m, 2", "9, 100m, 1", "10, 100m, 2", "18, 100m, 2", "19, 100m, 3"})
  void windowsPoolBillsNodesLicenceAndOneLinuxSystemNode(int replicas, String cpu, int nodes) {
    ModelResult r = result(Sims.plan(spec("windows", replicas, cpu), 1, Set.of()));
    ModelResult.Figures f = r.figures().orElseThrow();
    BigDecimal n = BigDecimal.valueOf(nodes);
    BigDecimal instances = new BigDecimal("0.096").multiply(n);
    BigDecimal licence = new BigDecimal("0.046").multiply(BigDecimal.valueOf(2)).multiply(n);
    BigDecimal systemNode = new BigDecimal("0.0416"); // t3.medium, the cheapest x86 type with 2 vCPUs and 4 GiB
    BigDecimal controlPlane = new BigDecimal("0.10");
    assertThat(f.costUsd().other()).as("licence + control plane").isEqualByComparingTo(licence.add(controlPlane));
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).as("Windows nodes at the instance price + the Linux system node")
        .isEqualByComparingTo(instances.add(systemNode));
    assertThat(f.costUsd().total()).isEqualByComparingTo(instances.add(licence).add(systemNode).add(controlPlane));
    assertThat(r.notes()).anySatisfy(x -> assertThat(x).contains("Windows node pool: m5.large").contains("Linux system node (t3.medium"));
  }

  /** The same pods on Linux nodes pack by CPU alone (19 of 100m on an m5.large), with no licence and no system node. */
  @Test
  void linuxPoolOfTheSameShapeNeedsFewerNodesAndNoLicence() {
    ModelResult.Figures f = result(Sims.plan(spec("linux", 10, "100m"), 1, Set.of())).figures().orElseThrow();
    assertThat(f.costUsd().total()).isEqualByComparingTo(new BigDecimal("0.096").add(new BigDecimal("0.10")));
  }

  /** The planner now offers containers to a Windows workload; microVMs, FaaS and serverless containers stay Linux-only. */
  @Test
  void plannerKeepsContainerFeasibleForWindowsAndSaysWhyTheLinuxOnlyModelsAreNot() {
    Plan plan = Sims.plan(spec("windows", 2, "250m").replace("candidates: [container]",
        "candidates: [vm, container, microvm, faas, serverless-container]"), 1, Set.of());
    WorkloadPlan w = plan.workloads().get(0);
    assertThat(model(w, "container").feasible()).isTrue();
    assertThat(model(w, "vm").feasible()).isTrue();
    assertThat(model(w, "microvm").infeasibleReasons()).anySatisfy(x -> assertThat(x).contains("os: windows is not offered")
        .contains("Firecracker boots Linux guests only"));
    assertThat(model(w, "faas").feasible()).isFalse();
    assertThat(model(w, "serverless-container").feasible()).isFalse();
  }

  private static ModelResult result(Plan plan) {
    return model(plan.workloads().get(0), "container");
  }

  private static ModelResult model(WorkloadPlan w, String name) {
    return w.results().stream().filter(r -> r.model().equals(name)).findFirst().orElseThrow();
  }

  private static String spec(String os, int replicas, String cpu) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: eks-windows
        seed: 1
        horizon: 1h
        workloads:
          - name: svc
            runtime: dotnet
            traffic: {poisson: {ratePerSecond: 2}}
            request: {duration: {exponential: {mean: 100ms}}, cpu: %s, memory: 128Mi}
            requirements: {os: %s}
            candidates: [container]
            models:
              container: {replicas: %d, nodeType: m5.large}
        """, cpu, os, replicas);
  }
}
