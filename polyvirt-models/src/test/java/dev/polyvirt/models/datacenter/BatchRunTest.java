package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finish times of small batch cases equal their closed forms (processor sharing and FIFO vCPUs). */
class BatchRunTest {
  static final HostModel HOST = new HostModel("test", 2, 1000, 8192, 1000, PowerCurve.linear(100, 200));

  static Cluster cluster(int hosts, double cpuOvercommit, VmShape... vms) {
    Cluster c = new Cluster(Collections.nCopies(hosts, HOST), cpuOvercommit, 1, new FirstFit());
    for (VmShape v : vms) c.add(v);
    return c;
  }

  static BatchJobs jobs(double[] arrivalSeconds, double[] lengths, int[] vms) {
    long[] at = new long[arrivalSeconds.length];
    for (int i = 0; i < at.length; i++) at[i] = SimTime.ofSeconds(arrivalSeconds[i]);
    return new BatchJobs(at, lengths, vms);
  }

  static double[] finishSeconds(BatchResult r) {
    double[] s = new double[r.finish().length];
    for (int i = 0; i < s.length; i++) s[i] = SimTime.toSeconds(r.finish()[i]);
    return s;
  }

  @Test
  void timeSharedTasksShareTheVcpuUntilTheShorterEnds() {
    // 1000 MI and 2000 MI on one 1000-MIPS vCPU: both at 500 MIPS until t=2, then the rest alone: t=3
    BatchResult r = BatchRun.run(cluster(1, 1, new VmShape("v", 1, 1000, 1024)),
        jobs(new double[] {0, 0}, new double[] {1000, 2000}, new int[] {0, 0}), TaskExecution.TIME_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {2, 3}, within(1e-9));
  }

  @Test
  void spaceSharedTasksWaitForAFreeVcpu() {
    BatchResult r = BatchRun.run(cluster(1, 1, new VmShape("v", 1, 1000, 1024)),
        jobs(new double[] {0, 0}, new double[] {1000, 2000}, new int[] {0, 0}), TaskExecution.SPACE_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {1, 3}, within(1e-9));
    assertThat(r.meanQueueingDelaySeconds()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void threeTasksOnTwoVcpusEachGetTwoThirds() {
    BatchResult r = BatchRun.run(cluster(1, 1, new VmShape("v", 2, 1000, 1024)),
        jobs(new double[] {0, 0, 0}, new double[] {3000, 3000, 3000}, new int[] {0, 0, 0}), TaskExecution.TIME_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {4.5, 4.5, 4.5}, within(1e-9));
  }

  @Test
  void aLateArrivalSlowsTheTaskAlreadyRunning() {
    // A (2000 MI) alone until t=1 (1000 MI left); with B (500 MI) both at 500 MIPS: B ends t=2, A at t=2.5
    BatchResult r = BatchRun.run(cluster(1, 1, new VmShape("v", 1, 1000, 1024)),
        jobs(new double[] {0, 1}, new double[] {2000, 500}, new int[] {0, 0}), TaskExecution.TIME_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {2.5, 2}, within(1e-9));
  }

  @Test
  void anOvercommittedHostSlowsEveryVmOnIt() {
    // two 2-vCPU VMs on one 2-core host (CPU overcommit 2): 4 busy vCPUs on 2 cores run at half speed
    Cluster c = cluster(1, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    assertThat(c.hostOf(0)).isZero();
    assertThat(c.hostOf(1)).isZero();
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 0, 0, 0}, new double[] {1000, 1000, 1000, 1000}, new int[] {0, 0, 1, 1}),
        TaskExecution.TIME_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {2, 2, 2, 2}, within(1e-9));
  }

  @Test
  void contentionEndsWhenTheOtherVmGoesIdle() {
    // VM a: 2 tasks of 1000 MI; VM b: 2 tasks of 3000 MI; half speed until t=2 (a done, b has 2000 left), then full: t=4
    Cluster c = cluster(1, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 0, 0, 0}, new double[] {1000, 1000, 3000, 3000}, new int[] {0, 0, 1, 1}),
        TaskExecution.TIME_SHARED, 0, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {2, 2, 4, 4}, within(1e-9));
  }

  @Test
  void hypervisorOverheadStretchesEveryTask() {
    // 10 % overhead leaves 1800 of 2000 MIPS; two busy vCPUs (2000 MIPS) run at 0.9: 900 MI takes 1 s
    BatchResult r = BatchRun.run(cluster(1, 1, new VmShape("v", 2, 1000, 1024)),
        jobs(new double[] {0, 0}, new double[] {900, 900}, new int[] {0, 0}), TaskExecution.TIME_SHARED, 0.10, false);
    assertThat(finishSeconds(r)).containsExactly(new double[] {1, 1}, within(1e-9));
  }

  @Test
  void energyIntegratesThePowerCurveAtTheExactUtilisation() {
    // one vCPU busy on a 2-core host for 3600 s: 50 % load, 150 W linear → 0.15 kWh; the empty host is off
    BatchResult r = BatchRun.run(cluster(2, 1, new VmShape("v", 1, 1000, 1024)),
        jobs(new double[] {0}, new double[] {3_600_000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, true);
    assertThat(r.energyKwh()).isCloseTo(0.15, within(1e-9));
    assertThat(r.hostUtilisation()[0]).isCloseTo(0.5, within(1e-12));
    assertThat(r.hostUtilisation()[1]).isZero();
  }

  @Test
  void tasksOfAnUnplacedVmAreCountedNotRun() {
    Cluster c = cluster(1, 1, new VmShape("big", 4, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false);
    assertThat(r.unplacedTasks()).isEqualTo(1);
    assertThat(List.of(r.finish()[0])).containsExactly(-1L);
  }
}
