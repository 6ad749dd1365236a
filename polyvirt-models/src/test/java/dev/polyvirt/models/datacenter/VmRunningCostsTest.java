package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.api.Test;

/** OS licences and operations hours per VM reach the datacenter model's cost ("other") and metrics by the closed form. */
class VmRunningCostsTest {
  static final String INFRA = """
      infrastructure:
        hostModels:
          - {name: r640, cores: 32, mipsPerCore: 2500, memory: 384Gi, costPerMonth: 350}
        datacenters:
          - name: dc1
            zones: [{name: a, hostModel: r640, hosts: 2}]
      OPS
      """;

  static ModelResult run(String os, String ops) {
    return run(os, ops, "");
  }

  static ModelResult run(String os, String ops, String extra) {
    String body = """
        runtime: java
        traffic: {poisson: {ratePerSecond: 0.01}}
        request: {duration: 100ms}
        requirements: {os: OS}
        candidates: [datacenter]
        models:
          datacenter: {vms: 4, vcpus: 2EXTRA}
        """.replace("OS", os).replace("EXTRA", extra.isEmpty() ? "" : ", " + extra);
    String yaml = Runs.spec("1d", body);
    yaml = yaml.replace("workloads:", INFRA.replace("OPS", ops).stripTrailing() + "\nworkloads:");
    return Runs.run(new DatacenterModel(), yaml);
  }

  @Test
  void windowsIsLicencedPerVcpuAtThePriceBookRateAndOpsHoursAtTheRate() {
    ModelResult r = run("windows", "  ops: {hoursPerVmPerMonth: 0.5, ratePerHour: 75}");
    // 4 VMs × 2 vCPUs × 24 h × $0.046 per vCPU-hour (aws-us-east-1 price book, Windows licence included)
    assertThat(r.metrics().get("osLicenceUsd")).isCloseTo(4 * 2 * 24 * 0.046, within(1e-9));
    // 0.5 h × 4 VMs × (24 / 730) months = 0.0657… h, at $75
    assertThat(r.metrics().get("opsHours")).isCloseTo(0.5 * 4 * 24 / 730.0, within(1e-9));
    assertThat(r.metrics().get("opsUsd")).isCloseTo(0.5 * 4 * 75 * 24 / 730.0, within(1e-9));
    ModelResult linux = run("linux", "");
    double extra = r.figures().orElseThrow().costUsd().other().doubleValue() - linux.figures().orElseThrow().costUsd().other().doubleValue();
    assertThat(extra).isCloseTo(4 * 2 * 24 * 0.046 + 0.5 * 4 * 75 * 24 / 730.0, within(1e-6));
    assertThat(linux.metrics().get("osLicenceUsd")).isZero();
    assertThat(linux.metrics().get("opsUsd")).isZero();
  }

  @Test
  void aSetWindowsLicenceReplacesThePriceBookRate() {
    ModelResult r = run("windows", "  ops: {hoursPerVmPerMonth: 0, windowsLicencePerVcpuPerMonth: 14.6}");
    // 8 vCPUs × $14.6 × 24 / 730 months
    assertThat(r.metrics().get("osLicenceUsd")).isCloseTo(8 * 14.6 * 24 / 730.0, within(1e-9));
    assertThat(r.metrics().get("opsUsd")).isZero();
  }
}
