package dev.polyvirt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicy;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicySimple;
import org.cloudsimplus.allocationpolicies.migration.VmAllocationPolicyMigrationStaticThreshold;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.hosts.HostStateHistoryEntry;
import org.cloudsimplus.power.models.PowerModelHostSpec;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.schedulers.vm.VmSchedulerTimeShared;
import org.cloudsimplus.selectionpolicies.VmSelectionPolicyMinimumMigrationTime;
import org.cloudsimplus.utilizationmodels.UtilizationModelDynamic;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.utilizationmodels.UtilizationModelPlanetLab;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * Issue #7's peer run: the PlanetLab consolidation experiment of Beloglazov &amp; Buyya (CCPE 2012)
 * built in CloudSim Plus 8.5.7, to set beside {@link PlanetLabPolicies}. Setup as CloudSim 3.0.3's
 * {@code examples/power/Constants.java} and {@code PlanetLabHelper}: hosts alternate ML110 G4
 * (2 × 1860 MIPS) and G5 (2 × 2660 MIPS), 4096 MB, 1 Gbit/s; VM type by file position
 * ({@code i / ceil(n / 4)}: 2500/2000/1000/500 MIPS, 870/1740/1740/613 MB), 1 PE, 100 Mbit/s; one
 * cloudlet per VM of length 2500 MIPS × 86,400 s with the trace as its CPU utilisation; 300-s
 * scheduling interval; stop at 24 h. Files are taken in name order, as polyvirt does.
 *
 * <p>Policies: {@code DVFS} (CloudSim Plus first fit, no migration), {@code DVFS-FF} (true first fit) and {@code THR-MMT-0.8}
 * ({@code VmAllocationPolicyMigrationStaticThreshold} with {@code VmSelectionPolicyMinimumMigrationTime}:
 * power-aware best fit, CloudSim Plus' default under-load threshold of 35 %). CloudSim Plus 8.5.7 no
 * longer ships the IQR/MAD/LR/LRR detectors. Energy is integrated from each host's state history
 * (one entry per processing update) with {@link SpecPowerCurve}: a host draws its SPECpower at
 * its allocated MIPS while it has demand, nothing while it has none (CloudSim 3.0.3's rule, and
 * polyvirt's); the "idle hosts on" figure also charges the idle watts of hosts left empty, since
 * CloudSim Plus never switches a host off unless given an idle-shutdown deadline.
 *
 * <p>Arguments: trace folder, policy ({@code DVFS}, {@code DVFS-FF} or {@code THR-MMT-0.8}),
 * optional placement power model {@code interpolated} (default) or {@code stock}
 * ({@code PowerModelHostSpec}), optional number of VMs (default all; hosts scale as
 * 800 × vms / 1052), optional under-load threshold (default CloudSim Plus' 0.35).
 */
public final class CloudSimPlusPlanetLab {
  static final double INTERVAL = 300;
  static final double DAY = 24 * 3600;

  private CloudSimPlusPlanetLab() {}

  /** What one run measured. */
  record Outcome(String policy, int hosts, int vms, double energyKwh, double energyTrapezoidKwh, double energyIdleOnKwh, long migrations,
                 double meanActiveHosts, double wallSeconds) {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    String policy = args.length > 1 ? args[1] : "THR-MMT-0.8";
    boolean stock = args.length > 2 && args[2].equals("stock");
    int vms = args.length > 3 ? Integer.parseInt(args[3]) : -1;
    double underload = args.length > 4 ? Double.parseDouble(args[4]) : DEFAULT_UNDERLOAD;
    Outcome o = run(folder, policy, stock, vms, underload);
    System.out.printf(Locale.ROOT, "| %s%s | %d hosts | %d VMs | %.2f kWh | %.2f kWh trapezoid | %.2f kWh idle hosts on | %d migrations | %.1f mean active hosts | %.1f s |%n",
        o.policy() + (underload != DEFAULT_UNDERLOAD ? ", under-load " + underload : ""), stock ? " (stock PowerModelHostSpec)" : "", o.hosts(), o.vms(), o.energyKwh(), o.energyTrapezoidKwh(), o.energyIdleOnKwh(),
        o.migrations(), o.meanActiveHosts(), o.wallSeconds());
  }

  /** CloudSim Plus' {@code VmAllocationPolicyMigrationAbstract.DEF_UNDERLOAD_THRESHOLD}. */
  static final double DEFAULT_UNDERLOAD = 0.35;

  static Outcome run(Path folder, String policy, boolean stockPowerModel, int vmLimit, double underloadThreshold) {
    // CloudSim Plus logs every migration decision at INFO; that would dominate its time
    org.cloudsimplus.util.Log.setLevel(ch.qos.logback.classic.Level.ERROR);
    List<Path> files = traceFiles(folder);
    int vmCount = vmLimit > 0 ? Math.min(vmLimit, files.size()) : files.size();
    // the experiment's ratio: 800 hosts for 1052 VMs
    int hostCount = vmCount == 1052 ? 800 : (int) Math.ceil(800.0 * vmCount / 1052);
    long t0 = System.nanoTime();
    CloudSimPlus sim = new CloudSimPlus();
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < hostCount; i++) hosts.add(host(i % 2 == 0, stockPowerModel));
    VmAllocationPolicy allocation = switch (policy) {
      case "DVFS" -> new VmAllocationPolicyFirstFit();
      // CloudSim 3.0.3's PowerVmAllocationPolicySimple: the first suitable host counting from host 0
      // (CloudSim Plus' VmAllocationPolicyFirstFit resumes from the last host used: next fit), and
      // CloudSim 3.0.3's PowerHost.isSuitableForVm core check (a core at least as fast as the VM;
      // CloudSim Plus' time-shared scheduler only compares totals, so it puts 2500-MIPS VMs on G4s)
      case "DVFS-FF" -> new VmAllocationPolicySimple((p, vm) -> p.getHostList().stream()
          .filter(h -> h.getPeList().get(0).getCapacity() >= vm.getMips() && h.isSuitableForVm(vm)).findFirst());
      case "THR-MMT-0.8" -> new VmAllocationPolicyMigrationStaticThreshold(new VmSelectionPolicyMinimumMigrationTime(), 0.8);
      default -> throw new IllegalArgumentException("policy must be DVFS, DVFS-FF or THR-MMT-0.8, got " + policy);
    };
    List<Host> all = new ArrayList<>(hosts);
    boolean migrating = allocation instanceof VmAllocationPolicyMigrationStaticThreshold;
    if (migrating) ((VmAllocationPolicyMigrationStaticThreshold) allocation).setUnderUtilizationThreshold(underloadThreshold);
    if (migrating) all.add(sentinelHost());
    DatacenterSimple dc = new DatacenterSimple(sim, all, allocation);
    dc.setSchedulingInterval(INTERVAL);
    long[] migrations = {0};
    dc.addOnVmMigrationFinishListener(info -> {
      if (info.isMigrationSuccessful() && info.getVm().getId() != SENTINEL_ID) migrations[0]++;
    });
    DatacenterBrokerSimple broker = new DatacenterBrokerSimple(sim);
    // VMs keep running when their cloudlets idle between samples (CloudSim 3.0.3 never destroys them)
    broker.setVmDestructionDelay(DAY);
    int[] mips = {2500, 2000, 1000, 500};
    long[] ram = {870, 1740, 1740, 613};
    int perType = (int) Math.ceil(vmCount / 4.0);
    List<Vm> vmList = new ArrayList<>();
    List<Cloudlet> cloudlets = new ArrayList<>();
    if (migrating) {
      Vm pin = new VmSimple(SENTINEL_ID, SENTINEL_MIPS, 1).setRam(1).setBw(1).setSize(1)
          .setCloudletScheduler(new CloudletSchedulerTimeShared());
      vmList.add(pin);
      Cloudlet busy = new CloudletSimple(SENTINEL_ID, SENTINEL_MIPS * (long) DAY * 2, 1)
          .setUtilizationModelCpu(new UtilizationModelFull())
          .setUtilizationModelRam(new UtilizationModelDynamic(0))
          .setUtilizationModelBw(new UtilizationModelDynamic(0));
      busy.setVm(pin);
      cloudlets.add(busy);
    }
    for (int i = 0; i < vmCount; i++) {
      int type = i / perType;
      Vm vm = new VmSimple(i, mips[type], 1).setRam(ram[type]).setBw(100).setSize(2500)
          .setCloudletScheduler(new CloudletSchedulerTimeShared());
      vmList.add(vm);
      Cloudlet c = new CloudletSimple(i, 2500L * (long) DAY, 1)
          .setUtilizationModelCpu(new UtilizationModelPlanetLab(files.get(i).toString(), INTERVAL))
          .setUtilizationModelRam(new UtilizationModelDynamic(0))
          .setUtilizationModelBw(new UtilizationModelDynamic(0));
      c.setVm(vm);
      cloudlets.add(c);
    }
    broker.submitVmList(vmList);
    broker.submitCloudletList(cloudlets);
    boolean progress = Boolean.getBoolean("progress");
    double[] nextHour = {3600};
    sim.addOnClockTickListener(info -> {
      // terminateAt alone does not stop runs with the stock PowerModelHostSpec (seen past 16,000 h)
      if (info.getTime() >= DAY) sim.terminate();
      // -Dprogress=true: one line per simulated hour, to see how far a slow run has come
      if (progress && info.getTime() >= nextHour[0]) {
        System.err.printf(Locale.ROOT, "simulated %.0f h after %.0f s, %d migrations%n", info.getTime() / 3600, (System.nanoTime() - t0) / 1e9, migrations[0]);
        nextHour[0] += 3600;
      }
    });
    sim.terminateAt(DAY);
    sim.start();
    double wall = (System.nanoTime() - t0) / 1e9;

    double joules = 0, joulesTrapezoid = 0, joulesIdleOn = 0, activeSum = 0;
    int samples = (int) (DAY / INTERVAL);
    for (Host h : hosts) {
      double[] table = h.getTotalMipsCapacity() == 2 * 1860 ? SpecPowerCurve.ML110_G4 : SpecPowerCurve.ML110_G5;
      List<HostStateHistoryEntry> history = h.getStateHistory();
      for (int k = 0; k < history.size(); k++) {
        HostStateHistoryEntry e = history.get(k);
        double end = k + 1 < history.size() ? history.get(k + 1).time() : DAY;
        double span = Math.max(0, Math.min(DAY, end) - Math.min(DAY, e.time()));
        double u = e.allocatedMips() / h.getTotalMipsCapacity();
        if (e.requestedMips() > 0) joules += span * SpecPowerCurve.watts(table, u);
        if (e.active()) joulesIdleOn += span * SpecPowerCurve.watts(table, u);
        // CloudSim 3.0.3's PowerHost.getEnergyLinearInterpolation: the mean of the watts at both
        // ends, nothing for an interval that starts at 0 % utilisation
        if (e.allocatedMips() > 0 && k + 1 < history.size()) {
          double uEnd = history.get(k + 1).allocatedMips() / h.getTotalMipsCapacity();
          joulesTrapezoid += span * (SpecPowerCurve.watts(table, u) + SpecPowerCurve.watts(table, uEnd)) / 2;
        }
      }
      // active hosts at each 300-s sample: the last state recorded at or before it
      int k = 0;
      for (int s = 0; s < samples; s++) {
        double t = s * INTERVAL;
        while (k + 1 < history.size() && history.get(k + 1).time() <= t) k++;
        if (!history.isEmpty() && history.get(k).time() <= t && history.get(k).requestedMips() > 0) activeSum++;
      }
    }
    return new Outcome(policy, hostCount, vmCount, joules / 3.6e6, joulesTrapezoid / 3.6e6, joulesIdleOn / 3.6e6, migrations[0], activeSum / samples, wall);
  }

  /** Id of the sentinel VM and its cloudlet (see {@link #sentinelHost()}). */
  static final int SENTINEL_ID = 1_000_000;
  static final long SENTINEL_MIPS = 100_000;

  /**
   * A host kept overloaded all day by one VM that fits no other host, never counted. Works around
   * a CloudSim Plus 8.5.7 crash: {@code getMigrationMapFromOverloadedHosts} returns the immutable
   * {@code Collections.emptyMap()} when no host is overloaded, and
   * {@code updateMigrationMapFromUnderloadedHosts} then calls {@code putAll} on it
   * (UnsupportedOperationException) the first round an under-loaded host can be drained. With one
   * host always overloaded the map is a {@code HashMap}. Its watts rise by 1,000 per percent, so
   * power-aware best fit never places a PlanetLab VM on it; being overloaded, it is never a target.
   */
  static Host sentinelHost() {
    double[] steep = new double[11];
    for (int i = 0; i < 11; i++) steep[i] = 1 + 100_000.0 * i;
    Host h = new HostSimple(4096, 1000, 1_000_000, List.of(new PeSimple(SENTINEL_MIPS))).setVmScheduler(new VmSchedulerTimeShared());
    h.setPowerModel(new SpecPowerCurve(steep));
    return h;
  }

  static Host host(boolean g4, boolean stockPowerModel) {
    int peMips = g4 ? 1860 : 2660;
    List<Pe> pes = List.of(new PeSimple(peMips), new PeSimple(peMips));
    double[] table = g4 ? SpecPowerCurve.ML110_G4 : SpecPowerCurve.ML110_G5;
    // bandwidth in Mbit/s (1 Gbit/s), storage 1 TB in MB as CloudSim's Constants.HOST_STORAGE
    Host h = new HostSimple(4096, 1000, 1_000_000, pes).setVmScheduler(new VmSchedulerTimeShared());
    h.setPowerModel(stockPowerModel ? new PowerModelHostSpec(table) : new SpecPowerCurve(table));
    h.setStateHistoryEnabled(true);
    return h;
  }

  static List<Path> traceFiles(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
