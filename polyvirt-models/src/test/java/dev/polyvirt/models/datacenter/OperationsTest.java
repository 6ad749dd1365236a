package dev.polyvirt.models.datacenter;

import static dev.polyvirt.models.datacenter.BatchRunTest.cluster;
import static dev.polyvirt.models.datacenter.BatchRunTest.finishSeconds;
import static dev.polyvirt.models.datacenter.BatchRunTest.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import org.junit.jupiter.api.Test;

/** Failures, HA restarts, live migration and DRS change finish times exactly as their closed forms say. */
class OperationsTest {
  @Test
  void haRestartsTheVmElsewhereAndItsTaskFromTheBeginning() {
    // 10 s task; host fails at 4 s; detect 1 s + boot 2 s: the VM runs again on host 1 at 7 s, done at 17 s
    Cluster c = cluster(2, 1, new VmShape("v", 1, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 5}, new double[] {10_000, 1_000}, new int[] {0, 0}),
        TaskExecution.TIME_SHARED, 0, true, run -> new HostFailure(0, SimTime.ofSeconds(4), SimTime.ofSeconds(1),
            SimTime.ofSeconds(2), SimTime.ofSeconds(60)).schedule(run));
    // at 7 s both tasks start on the one vCPU: the 1,000-MI task ends at 9 s, the other at 9 + 9 = 18 s
    assertThat(finishSeconds(r)).containsExactly(new double[] {18, 9}, within(1e-9));
    assertThat(c.hostOf(0)).isEqualTo(1);
    assertThat(r.operations().restartedTasks()).isEqualTo(1);
    assertThat(r.operations().vmRestarts()).isEqualTo(1);
    assertThat(r.operations().hostFailures()).isEqualTo(1);
  }

  @Test
  void aLiveMigrationKeepsTheWorkDoneAndEndsTheContention() {
    // two 2-vCPU VMs on one 2-core host run at half speed; at 1 s (500 MI done each) VM a moves to host 1:
    // b's remaining 1,500 MI run at full speed, ending at 2.5 s; a's run at 90 % while it migrates
    // (CloudSim's 10 % degradation; the 16 s pre-copy outlasts them): 1 + 1,500 / 900 s
    Cluster c = cluster(2, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 0, 0, 0}, new double[] {2000, 2000, 2000, 2000}, new int[] {0, 0, 1, 1}),
        TaskExecution.TIME_SHARED, 0, false, run -> run.simulation().at(SimTime.ofSeconds(1), p -> run.migrate(0, 1), 0));
    assertThat(finishSeconds(r)).containsExactly(new double[] {1 + 1500 / 900.0, 1 + 1500 / 900.0, 2.5, 2.5}, within(1e-6));
    assertThat(r.operations().migrations()).isEqualTo(1);
    // 1,024 MiB over half of 1 Gbit/s: 16.384 s of pre-copy
    assertThat(r.operations().migrationSeconds()).isCloseTo(1024 * 8 / 500.0, within(1e-9));
  }

  @Test
  void drsMovesOneVmFromTheBusiestToTheIdlestHost() {
    // a, b fill host 0 (overcommit 2); c sits idle on host 1; DRS at 1 s moves a: b done at 2.5 s, a (90 % while migrating) later
    Cluster c = cluster(2, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024), new VmShape("c", 1, 1000, 1024));
    assertThat(c.hostOf(2)).isEqualTo(1);
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 0, 0, 0}, new double[] {2000, 2000, 2000, 2000}, new int[] {0, 0, 1, 1}),
        TaskExecution.TIME_SHARED, 0, false, run -> new DrsBalancer(SimTime.ofSeconds(1), 0.2).schedule(run));
    assertThat(finishSeconds(r)).containsExactly(new double[] {1 + 1500 / 900.0, 1 + 1500 / 900.0, 2.5, 2.5}, within(1e-6));
    assertThat(r.operations().migrations()).isEqualTo(1);
    assertThat(c.hostOf(0)).isEqualTo(1);
  }

  @Test
  void withConsolidationDrsLeavesSwitchedOffHostsOff() {
    // a and b fill host 0 (overcommit 2) at half speed; host 1 is empty. DRS alone powers it on and moves a;
    // beside consolidation (vSphere DPM) it balances among powered-on hosts only: nothing moves, all end at 4 s
    Cluster plain = cluster(2, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchJobs jobs = jobs(new double[] {0, 0, 0, 0}, new double[] {2000, 2000, 2000, 2000}, new int[] {0, 0, 1, 1});
    BatchResult moved = BatchRun.run(plain, jobs, TaskExecution.TIME_SHARED, 0, true,
        run -> new DrsBalancer(SimTime.ofSeconds(1), 0.2).schedule(run));
    assertThat(moved.operations().migrations()).isEqualTo(1);
    Cluster kept = cluster(2, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchResult stayed = BatchRun.run(kept, jobs, TaskExecution.TIME_SHARED, 0, true,
        run -> new DrsBalancer(SimTime.ofSeconds(1), 0.2, true).schedule(run));
    assertThat(stayed.operations().migrations()).isZero();
    assertThat(finishSeconds(stayed)).containsExactly(new double[] {4, 4, 4, 4}, within(1e-9));
  }

  @Test
  void twoPeriodicOperationsDoNotKeepEachOtherGoing() {
    // DRS and consolidation each every second, no horizon: consolidation moves a at 1 s (16.384 s of pre-copy);
    // the rounds stop once nothing but each other is left to happen, shortly after that migration ends — not never
    Cluster c = cluster(2, 2, new VmShape("a", 2, 1000, 1024), new VmShape("b", 2, 1000, 1024));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0, 0, 0, 0}, new double[] {2000, 2000, 2000, 2000}, new int[] {0, 0, 1, 1}),
        TaskExecution.TIME_SHARED, 0, true, run -> {
          new DrsBalancer(SimTime.ofSeconds(1), 0.2, true).schedule(run);
          new Consolidation(SimTime.ofSeconds(1), new dev.polyvirt.models.datacenter.power.StaticThreshold(0.8), true).schedule(run);
        });
    assertThat(r.operations().consolidationMigrations()).isPositive();
    assertThat(SimTime.toSeconds(r.endNanos())).isBetween(1 + 16.384, 30.0);
  }
}
