package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Always-on bills against their list prices. Outside sources: AWS EC2 on-demand pricing (Linux,
 * per second with a 60-second minimum; m5.large $0.096/h, 2 vCPUs), the Windows licence per
 * vCPU-hour of the price book (m5.large Windows $0.188/h − Linux $0.096/h = $0.046 per vCPU-h),
 * Amazon EKS pricing ($0.10 per cluster-hour), and the kube-reserved CPU of the EKS optimised AMI's
 * bootstrap (amazon-eks-ami; the same bands GKE documents: 6 % of the first core, 1 % of the
 * second), which leaves a 2-vCPU node 1,930m for pods — room for 7 pods of 250m (memory and the
 * ENI pod limit of an m5.large, 29, allow more).
 */
class InstanceBillTest {

  /** A fixed fleet of n instances over exactly one hour costs n × the hourly price, split between compute and idle. */
  @Test
  void fixedVmFleetForOneHourCostsCountTimesHourlyPrice() {
    ModelResult.Figures f = Sims.figures(vmSpec("1h", "linux", 3), "vm");
    BigDecimal expected = new BigDecimal("0.096").multiply(BigDecimal.valueOf(3));
    assertThat(f.costUsd().total()).isEqualByComparingTo(expected);
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).isEqualByComparingTo(expected);
    assertThat(f.costUsd().other()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(f.costUsdPerMonth()).isCloseTo(0.288 * 730, within(1e-9));
    assertThat(f.avgInstances()).isEqualTo(3.0);
  }

  /** Windows adds its licence per vCPU-hour on the same billed seconds, as other. */
  @Test
  void windowsFleetAddsLicencePerVcpuHour() {
    ModelResult.Figures f = Sims.figures(vmSpec("1h", "windows", 3), "vm");
    BigDecimal licence = new BigDecimal("0.046").multiply(BigDecimal.valueOf(3 * 2));
    assertThat(f.costUsd().other()).isEqualByComparingTo(licence);
    assertThat(f.costUsd().total()).isEqualByComparingTo(new BigDecimal("0.288").add(licence));
  }

  /** A run shorter than a minute is billed the 60-second EC2 minimum per instance. */
  @Test
  void shortRunIsBilledTheOneMinuteMinimum() {
    ModelResult.Figures f = Sims.figures(vmSpec("30s", "linux", 3), "vm");
    assertThat(f.costUsd().total()).isEqualByComparingTo(new BigDecimal("0.0048")); // 3 × 0.096 × 60 / 3600
  }

  /** Pods pack 7 to a 2-vCPU node, and the cluster pays its nodes plus one EKS control plane per hour. */
  @ParameterizedTest(name = "{0} pods -> {1} nodes")
  @CsvSource({"7, 1", "8, 2", "14, 2", "15, 3"})
  void containerBillIsNodesPlusControlPlane(int replicas, int nodes) {
    ModelResult.Figures f = Sims.figures(containerSpec(replicas), "container");
    BigDecimal nodeCost = new BigDecimal("0.096").multiply(BigDecimal.valueOf(nodes));
    assertThat(f.costUsd().other()).as("EKS control plane").isEqualByComparingTo(new BigDecimal("0.10"));
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).as("nodes").isEqualByComparingTo(nodeCost);
    assertThat(f.costUsd().total()).isEqualByComparingTo(nodeCost.add(new BigDecimal("0.10")));
    assertThat(f.avgInstances()).as("pods").isEqualTo(replicas);
  }

  /** The EKS fee is shared only by workloads that can run on the cluster: one a container cannot host takes no share. */
  @Test
  void controlPlaneFeeIsNotSharedWithWorkloadsContainersCannotHost() {
    String spec = containerSpec(4) + """
          - name: legacy
            runtime: dotnet
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms, cpu: 250m, memory: 128Mi}
            requirements: {os: legacy}
        """;
    Plan plan = Sims.plan(spec, 1, Set.of());
    assertThat(container(plan, 1).feasible()).as("legacy-OS workload on container").isFalse();
    assertThat(container(plan, 0).figures().orElseThrow().costUsd().other())
        .as("the only workload on the cluster pays its whole control plane").isEqualByComparingTo(new BigDecimal("0.10"));
  }

  private static ModelResult container(Plan plan, int workload) {
    return plan.workloads().get(workload).results().stream().filter(r -> r.model().equals("container")).findFirst().orElseThrow();
  }

  private static String vmSpec(String horizon, String os, int count) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: ec2
        seed: 1
        horizon: %s
        workloads:
          - name: svc
            runtime: python
            traffic: {poisson: {ratePerSecond: 2}}
            request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
            requirements: {os: %s}
            candidates: [vm]
            models:
              vm: {instanceType: m5.large, count: %d}
        """, horizon, os, count);
  }

  private static String containerSpec(int replicas) {
    return String.format(Locale.ROOT, """
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: eks
        seed: 1
        horizon: 1h
        workloads:
          - name: svc
            runtime: python
            traffic: {poisson: {ratePerSecond: 2}}
            request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
            candidates: [container]
            models:
              container: {replicas: %d, nodeType: m5.large}
        """, replicas);
  }
}
