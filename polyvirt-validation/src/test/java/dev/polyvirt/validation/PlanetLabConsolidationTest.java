package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.VmShape;
import dev.polyvirt.models.datacenter.power.AdaptiveThreshold;
import dev.polyvirt.models.datacenter.power.ConsolidationResult;
import dev.polyvirt.models.datacenter.power.ConsolidationRun;
import dev.polyvirt.models.datacenter.power.LocalRegression;
import dev.polyvirt.models.datacenter.power.PowerManagement;
import dev.polyvirt.models.datacenter.power.RobustLocalRegression;
import dev.polyvirt.models.datacenter.power.StaticThreshold;
import dev.polyvirt.models.datacenter.power.UtilisationTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PlanetLab consolidation experiment of Beloglazov &amp; Buyya ("Optimal online deterministic
 * algorithms and adaptive heuristics for energy and performance efficient dynamic consolidation
 * of virtual machines in cloud data centers", CCPE 24(13), 2012) as CloudSim 3.0.3's
 * {@code examples/power/planetlab} configures it ({@code examples/power/Constants.java} and
 * {@code planetlab/PlanetLabHelper.java} in Cloudslab/cloudsim): 800 hosts, half HP ProLiant ML110
 * G4 and half G5 (SPECpower tables, figures.md "Host power"), 1052 single-vCPU VMs of four EC2-like
 * types (2500/2000/1000/500 MIPS, 870/1740/1740/613 MB, type = index / ⌈1052 / 4⌉) fed by the 1052
 * CoMon traces of 2011-03-03, 300-s interval, 24 h.
 *
 * <p>What is checked, and against what:
 * <ul>
 *   <li>NPA: every host at full power all day, 400 × 117 W + 400 × 135 W for 24 h = 2,419.2 kWh,
 *       by arithmetic from the SPECpower tables.</li>
 *   <li>DVFS: equal to the same arithmetic CloudSim's {@code PowerVmAllocationPolicySimple} and
 *       {@code PowerHost.getEnergyLinearInterpolation} do, recomputed here independently: first fit
 *       at full MIPS (core speed, MIPS and memory checked), then per host and interval the mean
 *       of the power at the two ends, nothing when the interval starts at 0 %.</li>
 *   <li>The paper's qualitative order: NPA ≫ DVFS ≫ dynamic consolidation (THR 0.8, IQR 1.5,
 *       MAD 2.5, LR 1.2, LRR 1.2, all with MMT), in our paper mode and in CloudSim mode.</li>
 *   <li>A physical floor: serving the day's demand cannot take less energy than the demand in MIPS
 *       times the best watts per MIPS of any host at full load (G5: 135 W / 5,320 MIPS).</li>
 * </ul>
 * No published per-day figure for this workload was found to compare energies and migration
 * counts with (CloudSim's repository ships no reference output; the paper reports medians over
 * ten days), so those are not asserted; BENCHMARKS and the issue note give ours.
 *
 * <p>The traces live in {@code shared/data/planetlab} (GPL-3.0, not copied into the project);
 * without them this test is skipped, saying so.
 */
class PlanetLabConsolidationTest {
  static final double NPA_KWH = (400 * 117.0 + 400 * 135.0) * 24 / 1000;
  static final double INTERVAL = 300;
  static List<HostModel> hosts;
  static List<VmShape> vms;
  static double[][] traces;

  @BeforeAll
  static void load() {
    Optional<Path> folder = find();
    Assumptions.assumeTrue(folder.isPresent(), "PlanetLab traces not found (shared/data/planetlab/20110303): validation skipped");
    traces = UtilisationTraces.read(folder.get());
    hosts = new ArrayList<>();
    for (int i = 0; i < 800; i++) hosts.add(i % 2 == 0 ? HostModel.HP_PROLIANT_ML110_G4 : HostModel.HP_PROLIANT_ML110_G5);
    int[] mips = {2500, 2000, 1000, 500};
    long[] ram = {870, 1740, 1740, 613};
    vms = new ArrayList<>();
    int perType = (int) Math.ceil(traces.length / 4.0); // CloudSim Helper.createVmList: type = i / ceil(n / 4)
    for (int i = 0; i < traces.length; i++) {
      int t = i / perType;
      vms.add(new VmShape("planetlab-" + t, 1, mips[t], ram[t]));
    }
  }

  static Optional<Path> find() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/planetlab/20110303");
      if (Files.isDirectory(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  static ConsolidationResult run(PowerManagement policy) {
    long t0 = System.nanoTime();
    ConsolidationResult r = ConsolidationRun.run(hosts, vms, traces, INTERVAL, policy);
    System.out.printf("%.2f s %-22s energy %8.2f kWh, migrations %6d (%d from overloaded hosts), SLATAH %.4f, PDM %.6f, SLAV %.8f,"
        + " shutdowns %d, active hosts %.1f%n", (System.nanoTime() - t0) / 1e9, r.policy(), r.energyKwh(), r.migrations(),
        r.migrationsFromOverloaded(), r.slaTimePerActiveHost(), r.performanceDegradationDueToMigration(), r.slaViolation(),
        r.hostShutdowns(), r.meanActiveHosts());
    return r;
  }

  static List<PowerManagement> consolidating() {
    List<PowerManagement> paper = List.of(PowerManagement.consolidating(new StaticThreshold(0.8), 0.8),
        PowerManagement.consolidating(AdaptiveThreshold.iqr(1.5), 1.5), PowerManagement.consolidating(AdaptiveThreshold.mad(2.5), 2.5),
        PowerManagement.consolidating(new LocalRegression(1.2), 1.2), PowerManagement.consolidating(new RobustLocalRegression(1.2), 1.2));
    List<PowerManagement> all = new ArrayList<>(paper);
    for (PowerManagement p : paper) all.add(p.asCloudSim());
    return all;
  }

  /** Returns the demand of the whole day in MIPS·s: what any policy must serve. */
  static double demandMipsSeconds() {
    double sum = 0;
    for (int v = 0; v < traces.length; v++) {
      for (double u : traces[v]) sum += u * vms.get(v).mipsPerVcpu() * INTERVAL;
    }
    return sum;
  }

  /** CloudSim's DVFS arithmetic, independently of {@link ConsolidationRun}: first fit, trapezoids. */
  static double dvfsKwhByArithmetic() {
    int n = hosts.size();
    double[] mips = new double[n];
    long[] ram = new long[n];
    int[] at = new int[vms.size()];
    for (int v = 0; v < vms.size(); v++) {
      VmShape vm = vms.get(v);
      int h = 0;
      while (hosts.get(h).mipsPerCore() < vm.mipsPerVcpu() || hosts.get(h).totalMips() - mips[h] < vm.mipsPerVcpu()
          || hosts.get(h).memoryMiB() - ram[h] < vm.memoryMiB()) h++;
      mips[h] += vm.mipsPerVcpu();
      ram[h] += vm.memoryMiB();
      at[v] = h;
    }
    int samples = traces[0].length;
    double joules = 0;
    for (int k = 0; k < samples; k++) {
      double[] from = new double[n];
      double[] to = new double[n];
      for (int v = 0; v < vms.size(); v++) {
        from[at[v]] += traces[v][k] * vms.get(v).mipsPerVcpu();
        to[at[v]] += traces[v][Math.min(k + 1, samples - 1)] * vms.get(v).mipsPerVcpu(); // the last sample closes the day
      }
      for (int h = 0; h < n; h++) {
        if (from[h] == 0) continue;
        HostModel m = hosts.get(h);
        joules += (m.power().watts(Math.min(1, from[h] / m.totalMips())) + m.power().watts(Math.min(1, to[h] / m.totalMips()))) / 2 * INTERVAL;
      }
    }
    return joules / 3.6e6;
  }

  @Test
  void theWholeWorkloadIsThere() {
    assertThat(traces).hasNumberOfRows(1052);
    for (double[] t : traces) assertThat(t).hasSize(288);
  }

  @Test
  void withoutPowerManagementAllHostsDrawFullPowerAllDay() {
    assertThat(run(PowerManagement.NPA).energyKwh()).isCloseTo(2419.2, within(2419.2 * 0.01)).isCloseTo(NPA_KWH, within(1e-6));
  }

  @Test
  void dvfsIsCloudSimsFirstFitAndTrapezoidArithmetic() {
    ConsolidationResult dvfs = run(PowerManagement.DVFS);
    assertThat(dvfs.migrations()).isZero();
    assertThat(dvfs.energyKwh()).isCloseTo(dvfsKwhByArithmetic(), within(1e-6));
  }

  @Test
  void powerAwarePoliciesOrderAsThePaperAndStayAboveThePhysicalFloor() {
    double npa = run(PowerManagement.NPA).energyKwh();
    double dvfs = run(PowerManagement.DVFS).energyKwh();
    assertThat(dvfs).isLessThan(npa / 2);
    // 135 W / 5,320 MIPS (G5 at full load) is the fewest joules per MIPS·s any host offers
    double floorKwh = demandMipsSeconds() * (135.0 / 5320) / 3.6e6;
    Map<String, ConsolidationResult> byName = new HashMap<>();
    for (PowerManagement p : consolidating()) {
      ConsolidationResult c = run(p);
      byName.put(p.name(), c);
      assertThat(c.energyKwh()).as(c.policy()).isLessThan(dvfs / 2).isGreaterThan(floorKwh);
      assertThat(c.migrations()).as(c.policy()).isPositive().isGreaterThanOrEqualTo(c.migrationsFromOverloaded());
      assertThat(c.slaTimePerActiveHost()).as(c.policy()).isBetween(0.0, 0.05);
      assertThat(c.performanceDegradationDueToMigration()).as(c.policy()).isBetween(0.0, 0.01);
    }
    // CloudSim's LRR fits the same unweighted line as its LR (MathUtil ignores both weight sets)
    ConsolidationResult lr = byName.get("LR-MMT-1.2-cloudsim");
    ConsolidationResult lrr = byName.get("LRR-MMT-1.2-cloudsim");
    assertThat(lrr.energyKwh()).isEqualTo(lr.energyKwh());
    assertThat(lrr.migrations()).isEqualTo(lr.migrations());
  }
}
