package dev.polyvirt.bench;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the PlanetLab consolidation table (CCPE 2012, CloudSim 3.0.3 examples/power/planetlab
 * setup: 800 ML110 G4/G5 hosts, 1052 VMs, one day of 300-s samples) for every policy, with the
 * wall time of each run: the paper's algorithms, LR with memory checked at every migration, and
 * the four consolidating policies again in CloudSim mode ({@link PowerManagement#asCloudSim()}).
 * Argument: the trace folder (e.g. shared/data/planetlab/20110303).
 */
public final class PlanetLabPolicies {
  private PlanetLabPolicies() {}

  public static void main(String[] args) {
    double[][] traces = UtilisationTraces.read(Path.of(args[0]));
    List<HostModel> hosts = new ArrayList<>();
    for (int i = 0; i < 800; i++) hosts.add(i % 2 == 0 ? HostModel.HP_PROLIANT_ML110_G4 : HostModel.HP_PROLIANT_ML110_G5);
    int[] mips = {2500, 2000, 1000, 500};
    long[] ram = {870, 1740, 1740, 613};
    int perType = (int) Math.ceil(traces.length / 4.0);
    List<VmShape> vms = new ArrayList<>();
    for (int i = 0; i < traces.length; i++) vms.add(new VmShape("planetlab-" + i / perType, 1, mips[i / perType], ram[i / perType]));
    List<PowerManagement> policies = List.of(PowerManagement.NPA, PowerManagement.DVFS,
        PowerManagement.consolidating(new StaticThreshold(0.8), 0.8), PowerManagement.consolidating(AdaptiveThreshold.iqr(1.5), 1.5),
        PowerManagement.consolidating(AdaptiveThreshold.mad(2.5), 2.5), PowerManagement.consolidating(new LocalRegression(1.2), 1.2),
        PowerManagement.consolidating(new RobustLocalRegression(1.2), 1.2),
        PowerManagement.consolidating(new LocalRegression(1.2), 1.2).withStrictMemory());
    List<PowerManagement> all = new ArrayList<>(policies);
    for (PowerManagement p : policies.subList(2, 7)) all.add(p.asCloudSim());
    System.out.println("| policy | energy kWh | migrations (from overloaded hosts) | SLATAH | PDM | SLAV | host shutdowns | mean active hosts | wall s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (PowerManagement p : all) {
      long t0 = System.nanoTime();
      ConsolidationResult r = ConsolidationRun.run(hosts, vms, traces, 300, p);
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %d (%d) | %.2f %% | %.3f %% | %.5f %% | %d | %.1f | %.2f |", r.policy(),
          r.energyKwh(), r.migrations(), r.migrationsFromOverloaded(), 100 * r.slaTimePerActiveHost(),
          100 * r.performanceDegradationDueToMigration(), 100 * r.slaViolation(), r.hostShutdowns(), r.meanActiveHosts(), wall));
    }
  }
}
