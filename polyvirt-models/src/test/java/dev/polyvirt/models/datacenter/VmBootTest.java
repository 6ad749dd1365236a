package dev.polyvirt.models.datacenter;

import static dev.polyvirt.models.datacenter.BatchRunTest.cluster;
import static dev.polyvirt.models.datacenter.BatchRunTest.finishSeconds;
import static dev.polyvirt.models.datacenter.BatchRunTest.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import org.junit.jupiter.api.Test;

/** VMs boot before they run anything: tasks wait for the boot; a failure during the boot hands the VM to HA. */
class VmBootTest {
  @Test
  void tasksWaitForTheVmToBoot() {
    // VM up at 50 s; a 1,000-MI task arriving at 0 runs 50–51 s, one arriving at 60 s runs at once
    Cluster c = cluster(1, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 60}, new double[] {1000, 1000}, new int[] {0, 0}), TaskExecution.TIME_SHARED,
        0, false, run -> run.boot(0, SimTime.ofSeconds(50)));
    assertThat(finishSeconds(r)).containsExactly(new double[] {51, 61}, within(1e-9));
    assertThat(r.operations().tasksDelayedByBoot()).isEqualTo(1);
    assertThat(r.operations().meanBootSeconds()).isEqualTo(50);
  }

  @Test
  void aHostFailureDuringTheBootLeavesTheVmToHa() {
    // booting until 50 s; host 0 fails at 10 s; detect 1 s + boot 2 s: up on host 1 at 13 s, the task ends at 14 s
    Cluster c = cluster(2, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false,
        run -> {
          run.boot(0, SimTime.ofSeconds(50));
          new HostFailure(0, SimTime.ofSeconds(10), SimTime.ofSeconds(1), SimTime.ofSeconds(2), SimTime.ofSeconds(100)).schedule(run);
        });
    assertThat(finishSeconds(r)).containsExactly(new double[] {14}, within(1e-9));
    assertThat(c.hostOf(0)).isEqualTo(1);
  }

  @Test
  void theModelBootsVmsFromTheFiguresRangeOrAsSet() {
    ModelResult byDefault = VmRunningCostsTest.run("linux", "");
    // figures.md "VM": full OS boot 30–120 s (uniform)
    assertThat(byDefault.metrics().get("meanVmBootSeconds")).isBetween(30.0, 120.0);
    ModelResult fixed = VmRunningCostsTest.run("linux", "", "boot: 45s");
    assertThat(fixed.metrics().get("meanVmBootSeconds")).isCloseTo(45, within(1e-9));
  }

  @Test
  void aBadBootDistributionIsReportedAtItsPlace() {
    String yaml = dev.polyvirt.models.Runs.spec("1d", """
        runtime: java
        traffic: {poisson: {ratePerSecond: 0.01}}
        request: {duration: 100ms}
        candidates: [datacenter]
        models:
          datacenter: {vms: 4, boot: {exponental: {mean: 1m}}}
        """).replace("workloads:", VmRunningCostsTest.INFRA.replace("OPS", "").stripTrailing() + "\nworkloads:");
    var problems = dev.polyvirt.models.Runs.bindProblems(new DatacenterModel(), yaml);
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.where().line()).isEqualTo(dev.polyvirt.models.Runs.lineOf(yaml, "exponental"));
      assertThat(p.message()).contains("boot");
    });
  }
}
