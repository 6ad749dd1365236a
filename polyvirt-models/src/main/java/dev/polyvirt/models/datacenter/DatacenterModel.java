package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Infrastructure;
import dev.polyvirt.spec.InfrastructureLoader;
import dev.polyvirt.spec.PortfolioLoader;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.models.datacenter.power.AdaptiveThreshold;
import dev.polyvirt.models.datacenter.power.LocalRegression;
import dev.polyvirt.models.datacenter.power.OverloadDetector;
import dev.polyvirt.models.datacenter.power.RobustLocalRegression;
import dev.polyvirt.models.datacenter.power.StaticThreshold;
import java.util.ArrayList;
import org.apache.commons.rng.UniformRandomProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code datacenter} compute model: a private datacenter described by the spec's
 * {@code infrastructure:} section. The workload's VMs are placed by the named policy under the
 * overcommit ratios; each request (or {@code kind: job} task) becomes a task of its duration's
 * worth of instructions at one vCPU, run time- or space-shared with host contention
 * ({@link BatchRun}); scheduled host failures restart VMs by HA, DRS migrates between hosts,
 * {@link Consolidation} packs VMs and switches hosts off, migrations are pre-copy ({@link PreCopy})
 * and snapshot rollbacks stop VMs; the run ends at the horizon (or its last task, if later).
 * The model takes part only when the spec has an infrastructure (no row otherwise).
 */
public final class DatacenterModel implements ComputeModel<DatacenterSettings> {
  /** Default VM: 2 vCPUs, 4 GiB (a general-purpose "large" size, as m5.large). */
  static final int DEFAULT_VCPUS = 2;
  static final long DEFAULT_VM_MEMORY_MIB = 4096;
  /** Written data on a VM's disk, for snapshots: 40 GiB, an assumption (a general-purpose OS and application disk). */
  static final long DEFAULT_DISK_MIB = 40 * 1024;
  /** VM provisioning boot: uniform 30–120 s (figures.md "VM" row, seed 003: full OS boot 30–120 s). */
  static final Distribution DEFAULT_BOOT = new Uniform(30 * SimTime.NANOS_PER_SECOND, 120 * SimTime.NANOS_PER_SECOND);

  @Override
  public String name() {
    return "datacenter";
  }

  @Override
  public Optional<DatacenterSettings> bind(Optional<Node> node, Workload w, Problems problems) {
    boolean asked = w.candidates().contains(name());
    Optional<Fields> of = node.flatMap(n -> Fields.of(n, problems, "models.datacenter"));
    Optional<Node> infraNode = of.flatMap(f -> f.node("infrastructure"));
    if (infraNode.isEmpty()) {
      if (asked) problems.add(w.mark(), "workload '" + w.name() + "' lists the datacenter model but the spec has no 'infrastructure:'",
          "describe the hosts under a top-level 'infrastructure:' (see examples/datacenter.yaml)");
      return Optional.empty();
    }
    Fields f = of.get();
    // problems of the section itself were reported once, by PortfolioLoader
    Optional<Infrastructure> infra = InfrastructureLoader.read(infraNode.get(), PortfolioLoader.PLACEMENTS, new Problems());
    String kind = f.string("kind").orElse("service");
    int hostCount = infra.map(Infrastructure::hostCount).orElse(1);
    int vms = (int) f.integer("vms", 1, 10_000_000).orElse(hostCount);
    int vcpus = (int) f.integer("vcpus", 1, 1024).orElse(DEFAULT_VCPUS);
    long memory = f.parsed("memory", Units::memoryBytes).map(b -> b >> 20).orElse(DEFAULT_VM_MEMORY_MIB);
    if (memory <= 0) problems.add(f.keyMark("memory"), "VM 'memory' must be at least 1Mi", "e.g. memory: 4Gi");
    TaskExecution exec = f.oneOf("execution", List.of("time-shared", "space-shared"))
        .map(e -> e.equals("time-shared") ? TaskExecution.TIME_SHARED : TaskExecution.SPACE_SHARED)
        .orElse(kind.equals("job") ? TaskExecution.SPACE_SHARED : TaskExecution.TIME_SHARED);
    long disk = f.parsed("disk", Units::memoryBytes).map(b -> b >> 20).orElse(DEFAULT_DISK_MIB);
    Distribution boot = f.node("boot").flatMap(n -> DistributionSpec.bind(n, "models.datacenter 'boot'", problems)).orElse(DEFAULT_BOOT);
    f.done();
    infra.flatMap(Infrastructure::snapshots).ifPresent(sp -> sp.rollbacks().stream().filter(r -> r.vm() >= vms).findFirst().ifPresent(r ->
        problems.add(w.mark(), "a snapshot rollback names vm " + r.vm() + " but workload '" + w.name() + "' runs " + vms + " VMs",
            "number VMs from 0 to " + (vms - 1) + ", or give the workload more 'vms'")));
    return infra.filter(i -> memory > 0).map(i -> new DatacenterSettings(i, kind, vms, vcpus, memory, exec, boot, disk));
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, DatacenterSettings s) {
    int largest = s.infrastructure().hostModels().stream().mapToInt(Infrastructure.HostModelSpec::cores).max().orElse(0);
    if (s.vcpus() > largest * s.infrastructure().cpuOvercommit()) {
      return List.of("a VM of " + s.vcpus() + " vCPUs is larger than every host (" + largest + " cores × overcommit "
          + s.infrastructure().cpuOvercommit() + ")");
    }
    return List.of();
  }

  @Override
  public ModelResult simulate(RunContext ctx, DatacenterSettings s) {
    Cluster cluster = Hosts.cluster(s.infrastructure());
    reserveFailoverHosts(cluster, s.infrastructure().haReserveHosts());
    double vcpuMips = Hosts.slowestCoreMips(cluster);
    VmShape shape = new VmShape("vm-" + s.vcpus() + "v", s.vcpus(), vcpuMips, s.vmMemoryMiB());
    for (int i = 0; i < s.vms(); i++) cluster.add(shape);
    BatchJobs jobs = tasks(ctx, s.vms(), vcpuMips);
    Infrastructure infra = s.infrastructure();
    MemoryReclaim reclaim = new MemoryReclaim(infra.memoryReclaim().balloon(), infra.memoryReclaim().swapSlowdown());
    HostHeat heat = new HostHeat(ctx.horizonNanos(), HostHeat.BUCKETS, Math.min(DatacenterResult.TABLE_HOSTS, cluster.hosts()));
    BatchResult r = BatchRun.run(cluster, jobs, s.execution(), infra.hypervisor().overhead(), infra.switchOffEmptyHosts(), reclaim, run -> {
      run.track(heat);
      for (Infrastructure.FailureSpec f : infra.failures()) {
        new HostFailure(f.host(), f.atNanos(), f.detectNanos(), f.bootNanos(), f.repairNanos()).schedule(run);
      }
      UniformRandomProvider bootRng = ctx.streams().child("datacenter").stream("boot");
      Distribution.Sampler boot = s.boot().sampler(bootRng);
      for (int v = 0; v < cluster.vms(); v++) run.boot(v, boot.next());
      infra.failureProcess().ifPresent(p -> new FailureProcess(p.timeToFailure(), p.timeToRepair(), p.detectNanos(), p.bootNanos())
          .schedule(run, ctx.streams(), ctx.horizonNanos()));
      run.endAt(ctx.horizonNanos());
      Infrastructure.MigrationSpec m = infra.migration();
      run.migrateBy(new PreCopy(m.dirtyMiBps(), SimTime.toSeconds(m.maxDowntimeNanos()), m.maxRounds(), SimTime.toSeconds(m.switchOverNanos())));
      run.zones(zoneNumbers(infra));
      infra.drs().ifPresent(d -> new DrsBalancer(d.intervalNanos(), d.imbalance(), infra.consolidation().isPresent()).schedule(run));
      infra.consolidation().ifPresent(c -> new Consolidation(c.intervalNanos(), detector(c), c.underload()).schedule(run));
      infra.snapshots().ifPresent(sp -> {
        long restore = restoreNanos(s.diskMiB(), sp.throughputMBps());
        for (Infrastructure.RollbackSpec rb : sp.rollbacks()) {
          if (rb.vm() < cluster.vms()) run.simulation().at(rb.atNanos(), p -> run.rollback(rb.vm(), restore), 0);
        }
      });
    });
    return DatacenterResult.of(name(), ctx, s, cluster, r).withHostHeatMap(heat.map(cluster));
  }

  /**
   * Keeps the {@code n} largest hosts (most cores × MIPS, then memory; the later host on a tie)
   * free for HA restarts — vSphere HA's "dedicated failover hosts" admission control — before any
   * VM is placed.
   */
  static void reserveFailoverHosts(Cluster cluster, int n) {
    Integer[] order = new Integer[cluster.hosts()];
    for (int h = 0; h < order.length; h++) order[h] = h;
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(cluster.model(b).totalMips(), cluster.model(a).totalMips());
      if (c == 0) c = Long.compare(cluster.model(b).memoryMiB(), cluster.model(a).memoryMiB());
      return c != 0 ? c : Integer.compare(b, a);
    });
    for (int i = 0; i < Math.min(n, order.length); i++) cluster.reserve(order[i]);
  }

  /** Draws the workload's requests (shared streams: every model sees the same) as tasks bound to VMs round robin. */
  static BatchJobs tasks(RunContext ctx, int vms, double vcpuMips) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    long[][] at = {new long[1024]};
    double[][] len = {new double[1024]};
    int[] n = {0};
    RequestDriver.start(sim, ctx, serviceNanos -> {
      if (n[0] == at[0].length) {
        at[0] = Arrays.copyOf(at[0], n[0] * 2);
        len[0] = Arrays.copyOf(len[0], n[0] * 2);
      }
      at[0][n[0]] = sim.now();
      len[0][n[0]] = Math.max(1e-9, SimTime.toSeconds(serviceNanos) * vcpuMips);
      n[0]++;
    }, stats, 1.0);
    sim.runUntil(Long.MAX_VALUE);
    int[] vm = new int[n[0]];
    for (int i = 0; i < vm.length; i++) vm[i] = i % vms;
    return new BatchJobs(Arrays.copyOf(at[0], n[0]), Arrays.copyOf(len[0], n[0]), vm);
  }

  /** Returns the overload detector a {@code consolidation:} names, with its parameter. */
  static OverloadDetector detector(Infrastructure.ConsolidationSpec c) {
    return switch (c.overload()) {
      case "iqr" -> AdaptiveThreshold.iqr(c.parameter());
      case "mad" -> AdaptiveThreshold.mad(c.parameter());
      case "lr" -> new LocalRegression(c.parameter());
      case "lrr" -> new RobustLocalRegression(c.parameter());
      default -> new StaticThreshold(c.parameter());
    };
  }

  /**
   * Returns how long restoring a VM from its snapshot stops it: its written disk read back at the
   * snapshot throughput (GB × 1000 / MB/s, as snapshot creation is timed). An <b>assumption</b>:
   * restores that stream lazily (EBS fast snapshot restore) resume sooner.
   */
  static long restoreNanos(long diskMiB, double throughputMBps) {
    return SimTime.ofSeconds(diskMiB / 1024.0 * 1000 / throughputMBps);
  }

  /** Numbers each host's zone (datacenter and zone), for the migrations' cross-zone traffic. */
  static int[] zoneNumbers(Infrastructure infra) {
    List<String> zones = Hosts.zones(infra);
    List<String> distinct = zones.stream().distinct().toList();
    return zones.stream().mapToInt(distinct::indexOf).toArray();
  }

  /** Lists the placement policies, for the spec's check that they match the registry. */
  static List<String> placementNames() {
    List<String> names = new ArrayList<>(PlacementPolicies.names());
    names.add("spread");
    return names;
  }
}
