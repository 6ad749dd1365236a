package dev.polyvirt.models.datacenter;

import static dev.polyvirt.models.datacenter.BatchRunTest.HOST;
import static dev.polyvirt.models.datacenter.BatchRunTest.cluster;
import static dev.polyvirt.models.datacenter.BatchRunTest.finishSeconds;
import static dev.polyvirt.models.datacenter.BatchRunTest.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Exponential;
import dev.polyvirt.engine.dist.Fixed;
import dev.polyvirt.engine.random.RandomStreams;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Host failures from MTBF/MTTR distributions, failover hosts kept free by HA, and the tasks an outage delays. */
class FailureProcessTest {
  static final BatchJobs NO_TASKS = new BatchJobs(new long[0], new double[0], new int[0]);

  static int[] drawn(int hosts, FailureProcess p, long horizon, long seed) {
    Cluster c = new Cluster(Collections.nCopies(hosts, HOST), 1, 1, new FirstFit());
    int[] n = new int[1];
    BatchResult r = BatchRun.run(c, NO_TASKS, TaskExecution.TIME_SHARED, 0, false,
        run -> n[0] = p.schedule(run, RandomStreams.root(seed), horizon));
    return new int[] {n[0], r.operations().hostFailures()};
  }

  @Test
  void fixedTimesFailEveryHostAtTheRenewalPoints() {
    // fail after 10 h, repaired after 2 h, again 10 h later: failures at 10 h and 22 h before a 30 h horizon
    FailureProcess p = new FailureProcess(new Fixed(10 * SimTime.NANOS_PER_HOUR), new Fixed(2 * SimTime.NANOS_PER_HOUR), 0, 0);
    assertThat(drawn(3, p, 30 * SimTime.NANOS_PER_HOUR, 1)).containsExactly(6, 6);
  }

  @Test
  void exponentialFailuresMatchTheRenewalRate() {
    // alternating renewal process: about horizon / (MTBF + MTTR) failures per host; 2,000 hosts × 1,000 h
    // with MTBF 100 h, MTTR 4 h: 2,000 × (1,000 + 4) / 104 ≈ 19,308 (the +MTTR: the process starts "up")
    FailureProcess p = new FailureProcess(new Exponential(100 * SimTime.NANOS_PER_HOUR), new Exponential(4 * SimTime.NANOS_PER_HOUR), 0, 0);
    int[] n = drawn(2000, p, 1000 * SimTime.NANOS_PER_HOUR, 7);
    assertThat((double) n[0]).isCloseTo(2000 * 1004 / 104.0, within(2000 * 1004 / 104.0 * 0.03));
    assertThat(n[1]).isEqualTo(n[0]);
  }

  @Test
  void eachHostDrawsFromItsOwnStream() {
    // host 0's failures do not depend on how many other hosts the datacenter has
    FailureProcess p = new FailureProcess(new Exponential(10 * SimTime.NANOS_PER_HOUR), new Fixed(SimTime.NANOS_PER_HOUR), 0, 0);
    assertThat(drawn(1, p, 100 * SimTime.NANOS_PER_HOUR, 3)[0])
        .isEqualTo(drawn(50, p, 100 * SimTime.NANOS_PER_HOUR, 3)[0] - drawnOthers(p));
  }

  private static int drawnOthers(FailureProcess p) {
    // hosts 1..49 of the 50-host run, counted on their own streams (host numbers are stream names)
    int n = 0;
    for (int h = 1; h < 50; h++) {
      var rng = RandomStreams.root(3).child("datacenter/host:" + h).stream("failures");
      var fail = p.timeToFailure().sampler(rng);
      var fix = p.timeToRepair().sampler(rng);
      for (long t = fail.next(); t < 100 * SimTime.NANOS_PER_HOUR; ) {
        n++;
        t += fix.next() + fail.next();
      }
    }
    return n;
  }

  @Test
  void withoutAFailoverHostTheVmWaitsForTheRepair() {
    // two full hosts: host 0 fails at 4 s; no room anywhere until it is repaired at 104 s, then a boot of 2 s:
    // the 10 s task restarts at 106 s and ends at 116 s; it waited 102 s for the VM
    Cluster c = cluster(2, 1, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {10_000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false,
        run -> new HostFailure(0, SimTime.ofSeconds(4), SimTime.ofSeconds(1), SimTime.ofSeconds(2), SimTime.ofSeconds(100)).schedule(run));
    assertThat(finishSeconds(r)).containsExactly(new double[] {116}, within(1e-9));
    assertThat(r.operations().tasksDelayed()).isEqualTo(1);
    assertThat(r.operations().outageDelaySeconds()).isCloseTo(102, within(1e-9));
    assertThat(r.operations().vmsNotRestarted()).isZero();
  }

  @Test
  void aReservedFailoverHostTakesTheVmAfterDetectionAndBoot() {
    // three hosts, the last kept free: a on host 0, b on host 1; host 0 fails at 4 s, a boots on host 2 at 7 s, task ends at 17 s
    Cluster c = new Cluster(Collections.nCopies(3, HOST), 1, 1, new FirstFit());
    DatacenterModel.reserveFailoverHosts(c, 1);
    c.add(new VmShape("a", 2, 1000, 1024));
    c.add(new VmShape("b", 2, 1000, 1024));
    assertThat(c.hostOf(1)).isEqualTo(1);
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 5}, new double[] {10_000, 1_000}, new int[] {0, 0}), TaskExecution.TIME_SHARED,
        0, false, run -> new HostFailure(0, SimTime.ofSeconds(4), SimTime.ofSeconds(1), SimTime.ofSeconds(2), SimTime.ofSeconds(100))
            .schedule(run));
    assertThat(c.hostOf(0)).isEqualTo(2);
    // from 7 s both tasks share the VM's 2 vCPUs: 10,000 MI ends at 17 s, 1,000 MI at 8 s
    assertThat(finishSeconds(r)).containsExactly(new double[] {17, 8}, within(1e-9));
    // the killed task waited 3 s (4 → 7), the one arriving at 5 s waited 2 s
    assertThat(r.operations().tasksDelayed()).isEqualTo(2);
    assertThat(r.operations().outageDelaySeconds()).isCloseTo(5, within(1e-9));
  }

  @Test
  void theFailoverReservationLeavesLessRoomForPlacement() {
    Cluster c = new Cluster(Collections.nCopies(2, HOST), 1, 1, new FirstFit());
    DatacenterModel.reserveFailoverHosts(c, 1);
    c.add(new VmShape("a", 2, 1000, 1024));
    c.add(new VmShape("b", 2, 1000, 1024));
    assertThat(c.hostOf(0)).isEqualTo(0);
    assertThat(c.hostOf(1)).isEqualTo(-1); // host 1 is kept for failover
    assertThat(c.isReserved(1)).isTrue();
  }
}
