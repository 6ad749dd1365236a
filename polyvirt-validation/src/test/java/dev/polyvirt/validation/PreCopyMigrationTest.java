package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import dev.polyvirt.models.datacenter.BatchRun;
import dev.polyvirt.models.datacenter.Cluster;
import dev.polyvirt.models.datacenter.FirstFit;
import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.PowerCurve;
import dev.polyvirt.models.datacenter.PreCopy;
import dev.polyvirt.models.datacenter.TaskExecution;
import dev.polyvirt.models.datacenter.VmShape;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Pre-copy live migration against its closed form (Clark et al., "Live Migration of Virtual
 * Machines", NSDI 2005, §3; the model of Akoush et al., "Predicting the Performance of Virtual
 * Machine Migration", MASCOTS 2010): round i sends V_i = M·(D/B)^i in V_i / B; the rounds stop
 * once V_n / B fits the downtime limit, so pre-copy lasts M/B · (1 − (D/B)^n) / (1 − D/B) and the
 * downtime is V_n / B plus the switch-over.
 */
class PreCopyMigrationTest {
  @Test
  void roundsShrinkGeometricallyUntilTheRestFitsTheDowntimeLimit() {
    // M = 1024 MiB, D = 50 MiB/s, B = 125 MiB/s (1 Gbit/s): V = 1024, 409.6, 163.84, 65.536, 26.2144 MiB;
    // 65.536 / 125 = 0.52 s > 0.3 s, 26.2144 / 125 = 0.21 s ≤ 0.3 s: four rounds, then stop-and-copy
    PreCopy.Plan p = new PreCopy(50, 0.3, 30, 0.02).plan(1024, 125);
    double ratio = 50 / 125.0;
    assertThat(p.rounds()).isEqualTo(4);
    assertThat(p.preCopySeconds()).isCloseTo(1024 / 125.0 * (1 - Math.pow(ratio, 4)) / (1 - ratio), within(1e-9));
    assertThat(p.preCopySeconds()).isCloseTo(13.303808, within(1e-9));
    assertThat(p.downtimeSeconds()).isCloseTo(1024 * Math.pow(ratio, 4) / 125 + 0.02, within(1e-9));
    // everything sent: M · (1 − r^5) / (1 − r)
    assertThat(p.transferredMiB()).isCloseTo(1024 * (1 - Math.pow(ratio, 5)) / (1 - ratio), within(1e-9));
  }

  @Test
  void aVmDirtyingFasterThanTheLinkStopsAfterTheMostRounds() {
    // D ≥ B: each round resends the whole memory (the dirty set is at most M); Xen gives up after 30
    PreCopy.Plan p = new PreCopy(200, 0.3, 30, 0).plan(1024, 125);
    assertThat(p.rounds()).isEqualTo(30);
    assertThat(p.preCopySeconds()).isCloseTo(30 * 1024 / 125.0, within(1e-9));
    assertThat(p.downtimeSeconds()).isCloseTo(1024 / 125.0, within(1e-9));
  }

  @Test
  void cloudSimsEstimateIsOneCopyOfMemoryOverHalfTheLink() {
    PreCopy.Plan p = PreCopy.CLOUDSIM.plan(1024, 1000 / 2.0 / 8);
    assertThat(p.preCopySeconds()).isCloseTo(1024 * 8 / 500.0, within(1e-12)); // CloudSim: RAM / (bandwidth / 2)
    assertThat(p.downtimeSeconds()).isZero();
  }

  @Test
  void aRequestLandingInTheDowntimeWaitsForTheResume() {
    // 1,024 MiB over half of 1 Gbit/s (62.5 MiB/s): 16.384 s of pre-copy, no dirtying, 0.5 s switch-over;
    // a 1,000-MI task arriving at 16.5 s waits until 16.884 s, then runs 1 s at 1,000 MIPS
    HostModel host = new HostModel("h", 2, 1000, 8192, 1000, PowerCurve.linear(100, 200));
    Cluster c = new Cluster(Collections.nCopies(2, host), 1, 1, new FirstFit());
    c.add(new VmShape("v", 1, 1000, 1024));
    BatchJobs jobs = new BatchJobs(new long[] {SimTime.ofSeconds(16.5)}, new double[] {1000}, new int[] {0});
    BatchResult r = BatchRun.run(c, jobs, TaskExecution.TIME_SHARED, 0, false, run -> {
      run.migrateBy(new PreCopy(0, 0.3, 30, 0.5));
      run.zones(new int[] {0, 1});
      run.simulation().at(0, p -> run.migrate(0, 1), 0);
    });
    assertThat(SimTime.toSeconds(r.finish()[0])).isCloseTo(16.384 + 0.5 + 1, within(1e-9));
    assertThat(r.operations().migrationDowntimeSeconds()).isCloseTo(0.5, within(1e-12));
    assertThat(r.operations().tasksDelayedByMigration()).isEqualTo(1);
    assertThat(r.operations().migrationDelaySeconds()).isCloseTo(16.884 - 16.5, within(1e-9));
    assertThat(r.operations().migratedGb()).isCloseTo(1.0, within(1e-12));
    assertThat(r.operations().crossZoneMigratedGb()).isCloseTo(1.0, within(1e-12));
  }
}
