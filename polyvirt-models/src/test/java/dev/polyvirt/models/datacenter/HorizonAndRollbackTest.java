package dev.polyvirt.models.datacenter;

import static dev.polyvirt.models.datacenter.BatchRunTest.cluster;
import static dev.polyvirt.models.datacenter.BatchRunTest.finishSeconds;
import static dev.polyvirt.models.datacenter.BatchRunTest.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import org.junit.jupiter.api.Test;

/** A run ends at its horizon (or its last task) whatever operations are still due, and a snapshot rollback restarts the work in flight. */
class HorizonAndRollbackTest {
  @Test
  void aFailureJustBeforeTheHorizonDoesNotStretchTheRun() {
    // one 1-s task at 0 on host 0 (2 × 1000 MIPS, 100–200 W); host 0 fails at 9 s, repair after 4 h; horizon 10 s.
    // Energy: host 0 at 150 W for 1 s and 100 W to 9 s, then down; host 1 idle at 100 W for 10 s — not 4 hours
    Cluster c = cluster(2, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false,
        run -> {
          run.endAt(SimTime.ofSeconds(10));
          new HostFailure(0, SimTime.ofSeconds(9), SimTime.ofSeconds(1), SimTime.ofSeconds(2), 4 * SimTime.NANOS_PER_HOUR).schedule(run);
        });
    assertThat(r.endNanos()).isEqualTo(SimTime.ofSeconds(10));
    assertThat(r.energyKwh() * 3.6e6).isCloseTo(150 + 100 * 8 + 100 * 10, within(1e-6));
    assertThat(r.operations().vmRestarts()).isZero(); // the HA restart (at 12 s) was due after the end
  }

  @Test
  void aTaskStillRunningAtTheHorizonIsWaitedFor() {
    Cluster c = cluster(1, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {20_000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false,
        run -> run.endAt(SimTime.ofSeconds(10)));
    assertThat(r.endNanos()).isEqualTo(SimTime.ofSeconds(20));
  }

  @Test
  void withoutAHorizonTheRunLastsUntilItsLastEvent() {
    Cluster c = cluster(2, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0, false,
        run -> new HostFailure(0, SimTime.ofSeconds(9), SimTime.ofSeconds(1), SimTime.ofSeconds(2), 4 * SimTime.NANOS_PER_HOUR).schedule(run));
    assertThat(r.endNanos()).isEqualTo(SimTime.ofSeconds(9) + 4 * SimTime.NANOS_PER_HOUR);
  }

  @Test
  void aRollbackRestartsTheTaskInFlightAfterTheRestore() {
    // a 10-s task; rollback at 4 s (4,000 MI lost) with a 2-s restore: it runs again from 6 s and ends at 16 s.
    // A 1-s task arriving at 5 s waits for the restore, then shares the vCPU: both from 6 s at 500 MIPS,
    // the short one ends at 8 s, the long one at 8 + 9 = 17 s
    Cluster c = cluster(1, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 5}, new double[] {10_000, 1_000}, new int[] {0, 0}), TaskExecution.TIME_SHARED, 0,
        false, run -> run.simulation().at(SimTime.ofSeconds(4), p -> run.rollback(0, SimTime.ofSeconds(2)), 0));
    assertThat(finishSeconds(r)).containsExactly(new double[] {17, 8}, within(1e-9));
    assertThat(r.operations().rollbacks()).isEqualTo(1);
    assertThat(r.operations().rollbackRestartedTasks()).isEqualTo(1);
    assertThat(r.operations().rollbackLostMi()).isCloseTo(4000, within(1e-6));
    assertThat(r.operations().rollbackSeconds()).isEqualTo(2.0);
    assertThat(r.operations().tasksDelayedByRollback()).isEqualTo(2);
  }

  @Test
  void restoringReadsTheDiskAtTheSnapshotThroughput() {
    // 40 GiB at 100 MB/s: 40 × 1000 / 100 = 400 s (the creation time's convention)
    assertThat(DatacenterModel.restoreNanos(40 * 1024, 100)).isEqualTo(SimTime.ofSeconds(400));
  }
}
