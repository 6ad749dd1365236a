package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * examples/datacenter.yaml does what it promises — CPU and memory overcommit (ballooning and
 * swapping), a host failure answered by HA with a reserved failover host, DRS migrations, empty
 * hosts switched off, ops hours per VM, power-aware consolidation (THR + minimum migration time)
 * emptying a host, pre-copy migrations and a snapshot rollback — and gives byte-identical figures
 * on 1 and 4 threads.
 * The batch's task count is the Poisson count of 0.2/s over a day (17,280 expected; within 3σ).
 */
class DatacenterExampleTest {
  static String example() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("examples/datacenter.yaml");
      if (Files.isRegularFile(f)) return Files.readString(f);
    }
    throw new AssertionError("examples/datacenter.yaml not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void theExampleExercisesFailuresHaDrsAndOvercommitDeterministically() throws IOException {
    String yaml = example();
    Plan one = Sims.plan(yaml, 1, Set.of("datacenter"));
    Plan four = Sims.plan(yaml, 4, Set.of("datacenter"));
    assertThat(four.toString()).isEqualTo(one.toString());
    ModelResult batch = one.workloads().get(0).results().get(0);
    assertThat(batch.model()).isEqualTo("datacenter");
    ModelResult.Figures f = batch.figures().orElseThrow();
    assertThat(f.requests()).isBetween(17_280L - 3 * 132, 17_280L + 3 * 132);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(batch.metrics().get("hostFailures")).isEqualTo(1.0);
    assertThat(batch.metrics().get("vmRestarts")).isPositive();
    assertThat(batch.metrics().get("migrations")).isPositive();
    assertThat(batch.metrics().get("hostsRunningVms")).isLessThan(batch.metrics().get("hosts"));
    assertThat(f.energyKwh()).isPositive();
    assertThat(batch.tables().get("hosts").rows()).hasSize(10);
    // 16 VMs × 28 GiB = 448 GiB on a 384 GiB host under 1.5× memory overcommit: ballooned, then swapped (balloon 0.1)
    assertThat(batch.metrics().get("balloonedGbHours")).isPositive();
    assertThat(batch.metrics().get("swappedGbHours")).isPositive();
    // one r640 kept free for failover; the outage delayed tasks and lost none
    assertThat(batch.metrics().get("failoverHostsReserved")).isEqualTo(1.0);
    assertThat(batch.metrics().get("tasksDelayedByFailures")).isPositive();
    assertThat(batch.metrics().get("tasksLostToFailures")).isZero();
    // ops: 0.5 h per VM per month at $75, 16 VMs, one day of 730-hour months
    assertThat(batch.metrics().get("opsUsd")).isCloseTo(0.5 * 75 * 16 * 24 / 730.0, org.assertj.core.api.Assertions.within(1e-6));
    // consolidation (THR, MMT) shed VMs and emptied a host; DRS moved others; every migration is pre-copy
    assertThat(batch.metrics().get("consolidationMigrations")).isPositive();
    assertThat(batch.metrics().get("hostsEmptiedByConsolidation")).isPositive();
    assertThat(batch.metrics().get("migrations")).isGreaterThan(batch.metrics().get("consolidationMigrations"));
    assertThat(batch.metrics().get("migrationDowntimeSeconds")).isPositive();
    assertThat(batch.metrics().get("migratedGb")).isGreaterThanOrEqualTo(28 * batch.metrics().get("migrations")); // round 0 sends all 28 GiB
    assertThat(batch.metrics().get("rollbacks")).isEqualTo(1.0);
    assertThat(batch.metrics().get("rollbackSeconds")).isEqualTo(400.0); // 40 GiB read back at 100 MB/s
    // the run ends at the horizon or with its last task, not with the failed host's repair or a later balancing round
    assertThat(batch.metrics().get("makespanSeconds")).isLessThan(86_400 + 3_600);
    ModelResult service = one.workloads().get(1).results().get(0);
    assertThat(service.metrics().get("vmRestarts")).isEqualTo(4.0); // the four VMs shared host 0 under 2x overcommit
  }
}
