package dev.polyvirt.models.datacenter;

import static dev.polyvirt.models.datacenter.BatchRunTest.finishSeconds;
import static dev.polyvirt.models.datacenter.BatchRunTest.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory overcommitted beyond physical: ballooning first, then swapping slows the host's VMs by the closed form. */
class MemoryOvercommitTest {
  /** A 4-core, 1000-MIPS host with 1,000 MiB of memory, overcommitted 2× (room for 2,000 MiB of VMs). */
  static Cluster smallMemoryHost(VmShape... vms) {
    HostModel host = new HostModel("m", 4, 1000, 1000, 1000, PowerCurve.linear(100, 200));
    Cluster c = new Cluster(List.of(host), 4, 2, new FirstFit());
    for (VmShape v : vms) c.add(v);
    return c;
  }

  @Test
  void theReclaimSplitsExcessIntoBalloonedThenSwapped() {
    MemoryReclaim r = new MemoryReclaim(0.25, 10);
    // 1,600 MiB on 1,000 physical: excess 600; the balloon takes at most 25 % of 1,600 = 400; 200 swapped
    assertThat(r.balloonedMiB(1600, 1000)).isEqualTo(400);
    assertThat(r.swappedMiB(1600, 1000)).isEqualTo(200);
    // speed 1 / (1 + 10 × 200 / 1,600) = 1 / 2.25
    assertThat(r.speedFactor(1600, 1000)).isCloseTo(1 / 2.25, within(1e-12));
    // within physical memory nothing is reclaimed
    assertThat(r.swappedMiB(900, 1000)).isZero();
    assertThat(r.speedFactor(900, 1000)).isEqualTo(1);
  }

  @Test
  void swappingSlowsTasksAndIsReportedInGbHours() {
    // two VMs of 800 MiB (1,600 on 1,000 physical): a 1,000-MI task at 1,000 MIPS takes 1 s × 2.25 = 2.25 s
    Cluster c = smallMemoryHost(new VmShape("a", 1, 1000, 800), new VmShape("b", 1, 1000, 800));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0,
        false, new MemoryReclaim(0.25, 10), run -> {});
    assertThat(finishSeconds(r)).containsExactly(new double[] {2.25}, within(1e-9));
    // 400 MiB ballooned and 200 MiB swapped for 2.25 s
    assertThat(r.operations().balloonedGbHours()).isCloseTo(400 / 1024.0 * 2.25 / 3600, within(1e-12));
    assertThat(r.operations().swappedGbHours()).isCloseTo(200 / 1024.0 * 2.25 / 3600, within(1e-12));
  }

  @Test
  void ballooningAloneCostsNothing() {
    // 1,600 MiB with the default 65 % balloon limit: all 600 MiB excess ballooned, the task runs at full speed
    Cluster c = smallMemoryHost(new VmShape("a", 1, 1000, 800), new VmShape("b", 1, 1000, 800));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0,
        false, MemoryReclaim.DEFAULT, run -> {});
    assertThat(finishSeconds(r)).containsExactly(new double[] {1}, within(1e-9));
    assertThat(r.operations().balloonedGbHours()).isCloseTo(600 / 1024.0 / 3600, within(1e-12));
    assertThat(r.operations().swappedGbHours()).isZero();
  }

  @Test
  void migratingAVmAwayEndsTheSwapping() {
    // host 0 swaps (speed 1/2.25) until VM b leaves at 1 s: 1,000 MI = 444.4 MI by 1 s, the rest at full speed
    HostModel host = new HostModel("m", 4, 1000, 1000, 1000, PowerCurve.linear(100, 200));
    Cluster c = new Cluster(List.of(host, host), 4, 2, new FirstFit());
    c.add(new VmShape("a", 1, 1000, 800));
    c.add(new VmShape("b", 1, 1000, 800));
    BatchResult r = BatchRun.run(c, jobs(new double[] {0}, new double[] {1000}, new int[] {0}), TaskExecution.TIME_SHARED, 0,
        false, new MemoryReclaim(0.25, 10), run -> run.simulation().at(dev.polyvirt.engine.SimTime.ofSeconds(1), p -> run.migrate(1, 1), 0));
    assertThat(finishSeconds(r)).containsExactly(new double[] {1 + (1000 - 1000 / 2.25) / 1000}, within(1e-9));
  }
}
