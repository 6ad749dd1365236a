package dev.polyvirt.spec;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Exponential;
import dev.polyvirt.spec.Infrastructure.FailureProcessSpec;
import dev.polyvirt.spec.Infrastructure.DrsSpec;
import dev.polyvirt.spec.Infrastructure.FailureSpec;
import dev.polyvirt.spec.Infrastructure.HostModelSpec;
import dev.polyvirt.spec.Infrastructure.HypervisorSpec;
import dev.polyvirt.spec.Infrastructure.ZoneSpec;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code infrastructure:} section with the spec's {@link Fields} machinery: every
 * problem at its line:column, did-you-mean on unknown keys, all reported at once.
 *
 * <p>Defaults: a type-1 hypervisor keeps 5 % of the CPU and a type-2 one 10 % (seed 003, "VM
 * operational model characteristics": hypervisor overhead ~5–10 %); no overcommit; first fit;
 * HA detection 30 s and VM boot 60 s (seed 003: VM boot 30–120 s; vSphere HA declares a host
 * dead after about 15 s without heartbeats and a ping test, so 30 s in all).
 */
public final class InfrastructureLoader {
  static final List<String> HYPERVISORS = List.of("type1", "type2");
  static final long DEFAULT_DETECT = 30 * SimTime.NANOS_PER_SECOND;
  static final long DEFAULT_BOOT = 60 * SimTime.NANOS_PER_SECOND;
  /**
   * Operations per VM when {@code ops:} is given without values: half an hour a month at $75 an
   * hour. Both are <b>assumptions</b> (seed 002 names "OS maintenance, patching, licensing" as the
   * VM management overhead but gives no hours or rate); set them for your organisation.
   */
  static final double DEFAULT_OPS_HOURS = 0.5;
  static final BigDecimal DEFAULT_OPS_RATE = BigDecimal.valueOf(75);
  /** Snapshot storage: EBS standard-tier snapshots, $0.05 per GB-month in us-east-1 (aws.amazon.com/ebs/pricing). */
  static final BigDecimal DEFAULT_SNAPSHOT_PRICE = new BigDecimal("0.05");
  /** Share of the disk changed between snapshots: an assumption, after AWS's own billing example (5 GB of 100 GB). */
  static final double DEFAULT_SNAPSHOT_CHANGE = 0.05;
  /** Snapshot write throughput: an assumption (100 MB/s, a modest backup stream); set it for your storage. */
  static final double DEFAULT_SNAPSHOT_MBPS = 100;
  /** ESXi's default balloon limit, Mem.CtlMaxPercent = 65 % of a VM's memory (see the model's MemoryReclaim). */
  static final double DEFAULT_BALLOON = 0.65;
  /** An assumption (VSWAPPER, ASPLOS 2014: hypervisor swapping up to an order of magnitude slow); see MemoryReclaim. */
  static final double DEFAULT_SWAP_SLOWDOWN = 10;

  /** Overload detectors of {@code consolidation:} (Beloglazov &amp; Buyya, CCPE 2012). */
  static final List<String> OVERLOAD_DETECTORS = List.of("thr", "iqr", "mad", "lr", "lrr");
  /**
   * Each detector's parameter when none is given: the values of CloudSim's PlanetLab examples
   * (THR 0.8; safety 1.5 for IQR, 2.5 for MAD, 1.2 for LR and LRR), as the paper ran them.
   */
  static final Map<String, Double> DETECTOR_DEFAULTS = Map.of("thr", 0.8, "iqr", 1.5, "mad", 2.5, "lr", 1.2, "lrr", 1.2);
  /**
   * Cross-zone transfer: AWS charges $0.01/GB out of one Availability Zone and $0.01/GB into the
   * other ("Data Transfer within the AWS Region", aws.amazon.com/ec2/pricing/on-demand), $0.02 per GB
   * moved; used when {@code network:} is given without a cross-zone price.
   */
  static final BigDecimal DEFAULT_CROSS_ZONE_PER_GB = new BigDecimal("0.02");

  private InfrastructureLoader() {}

  /** Reads the section; problems go to {@code problems}. {@code placements} are the known policy names. */
  public static Optional<Infrastructure> read(Node node, List<String> placements, Problems problems) {
    Optional<Fields> of = Fields.of(node, problems, "infrastructure");
    if (of.isEmpty()) return Optional.empty();
    Fields f = of.get();
    Map<String, HostModelSpec> models = new LinkedHashMap<>();
    f.required("hostModels", "list server models, e.g. hostModels: [{name: r640, cores: 32, memory: 384Gi}]")
        .ifPresent(n -> items(n, "hostModels", problems).forEach(i -> hostModel(i, problems).ifPresent(m -> models.put(m.name(), m))));
    List<ZoneSpec> zones = new ArrayList<>();
    f.required("datacenters", "e.g. datacenters: [{name: dc1, zones: [{name: a, hostModel: r640, hosts: 8}]}]")
        .ifPresent(n -> items(n, "datacenters", problems).forEach(d -> datacenter(d, models, problems, zones)));
    HypervisorSpec hv = f.node("hypervisor").flatMap(n -> hypervisor(n, problems)).orElse(new HypervisorSpec("type1", 0.05, BigDecimal.ZERO, BigDecimal.ZERO));
    String placement = f.oneOf("placement", placements).orElse("first-fit");
    double cpuOver = 1, memOver = 1, balloon = DEFAULT_BALLOON, swapSlowdown = DEFAULT_SWAP_SLOWDOWN;
    Optional<Fields> oc = f.node("overcommit").flatMap(n -> Fields.of(n, problems, "infrastructure overcommit"));
    if (oc.isPresent()) {
      cpuOver = oc.get().decimal("cpu", 1, 64).orElse(1);
      memOver = oc.get().decimal("memory", 1, 4).orElse(1);
      balloon = oc.get().decimal("balloon", 0, 1).orElse(DEFAULT_BALLOON);
      swapSlowdown = oc.get().decimal("swapSlowdown", 0, 1000).orElse(DEFAULT_SWAP_SLOWDOWN);
      oc.get().done();
    }
    boolean switchOff = f.bool("switchOffEmptyHosts").orElse(true);
    int hosts = zones.stream().mapToInt(ZoneSpec::count).sum();
    List<FailureSpec> failures = new ArrayList<>();
    Optional<FailureProcessSpec> process = Optional.empty();
    Optional<Node> failuresNode = f.node("failures");
    if (failuresNode.isPresent() && failuresNode.get() instanceof Node.MapNode) {
      // failures: {mtbf: 2000h, mttr: 4h, detect: 30s, boot: 90s, schedule: [{host: 0, at: 6h}]}
      Optional<Fields> ff = Fields.of(failuresNode.get(), problems, "infrastructure failures");
      process = ff.flatMap(x -> failureProcess(x, problems));
      ff.flatMap(x -> x.node("schedule")).ifPresent(n -> items(n, "schedule", problems)
          .forEach(i -> failure(i, hosts, problems).ifPresent(failures::add)));
      ff.ifPresent(Fields::done);
    } else {
      failuresNode.ifPresent(n -> items(n, "failures", problems).forEach(i -> failure(i, hosts, problems).ifPresent(failures::add)));
    }
    int reserve = f.node("ha").flatMap(n -> Fields.of(n, problems, "infrastructure ha")).map(ha -> {
      int r = (int) ha.integer("reserveHosts", 0, Math.max(0, hosts - 1)).orElse(0);
      ha.done();
      return r;
    }).orElse(0);
    Optional<DrsSpec> drs = f.node("drs").flatMap(n -> Fields.of(n, problems, "infrastructure drs")).map(d -> {
      long interval = d.duration("interval").orElse(5 * SimTime.NANOS_PER_MINUTE); // vSphere DRS runs every 5 minutes
      double imbalance = d.decimal("imbalance", 0, 1).orElse(0.2);
      d.done();
      return new DrsSpec(Math.max(1, interval), imbalance);
    });
    BigDecimal electricity = f.parsed("electricityPerKwh", BigDecimal::new).orElse(BigDecimal.ZERO);
    Optional<Infrastructure.SnapshotSpec> snapshots = f.node("snapshots").flatMap(n -> Fields.of(n, problems, "infrastructure snapshots"))
        .map(o -> {
          long every = Math.max(1, o.duration("every").orElse(24 * SimTime.NANOS_PER_HOUR));
          int retention = (int) o.integer("retention", 1, 100_000).orElse(7);
          double change = o.decimal("changeShare", 0, 1).orElse(DEFAULT_SNAPSHOT_CHANGE);
          double throughput = o.decimal("throughputMBps", 0.001, 1e6).orElse(DEFAULT_SNAPSHOT_MBPS);
          BigDecimal price = o.parsed("pricePerGbMonth", BigDecimal::new).orElse(DEFAULT_SNAPSHOT_PRICE);
          List<Infrastructure.RollbackSpec> rollbacks = new ArrayList<>();
          o.node("rollback").ifPresent(n -> items(n, "rollback", problems).forEach(i -> rollback(i, problems).ifPresent(rollbacks::add)));
          o.done();
          return new Infrastructure.SnapshotSpec(every, retention, change, throughput, price, List.copyOf(rollbacks));
        });
    Infrastructure.VmOpsSpec vmOps = f.node("ops").flatMap(n -> Fields.of(n, problems, "infrastructure ops")).map(o -> {
      double hours = o.decimal("hoursPerVmPerMonth", 0, 730).orElse(DEFAULT_OPS_HOURS);
      BigDecimal rate = o.parsed("ratePerHour", BigDecimal::new).orElse(DEFAULT_OPS_RATE);
      Optional<BigDecimal> windows = o.parsed("windowsLicencePerVcpuPerMonth", BigDecimal::new);
      o.done();
      return new Infrastructure.VmOpsSpec(hours, rate, windows);
    }).orElse(Infrastructure.VmOpsSpec.NONE);
    Optional<Infrastructure.ConsolidationSpec> consolidation = f.node("consolidation")
        .flatMap(n -> Fields.of(n, problems, "infrastructure consolidation")).map(InfrastructureLoader::consolidation);
    Infrastructure.MigrationSpec migration = f.node("migration").flatMap(n -> Fields.of(n, problems, "infrastructure migration"))
        .map(InfrastructureLoader::migration).orElse(DEFAULT_MIGRATION);
    Infrastructure.NetworkSpec network = f.node("network").flatMap(n -> Fields.of(n, problems, "infrastructure network")).map(o -> {
      BigDecimal same = o.parsed("pricePerGb", BigDecimal::new).orElse(BigDecimal.ZERO);
      BigDecimal cross = o.parsed("crossZonePricePerGb", BigDecimal::new).orElse(DEFAULT_CROSS_ZONE_PER_GB);
      o.done();
      return new Infrastructure.NetworkSpec(same, cross);
    }).orElse(Infrastructure.NetworkSpec.FREE);
    f.done();
    if (zones.isEmpty()) return Optional.empty();
    return Optional.of(new Infrastructure(List.copyOf(models.values()), List.copyOf(zones), hv, placement, cpuOver, memOver, switchOff,
        List.copyOf(failures), drs, electricity, new Infrastructure.MemoryReclaimSpec(balloon, swapSlowdown),
        process, reserve, vmOps, snapshots, consolidation, migration, network));
  }

  /**
   * Pre-copy defaults: 10 MiB/s of dirtied memory and a 20 ms switch-over are assumptions; the
   * 300 ms downtime limit is QEMU's default ({@code DEFAULT_MIGRATE_SET_DOWNTIME}, migration/options.c)
   * and 30 rounds Xen's (29 iterative rounds, then stop-and-copy; Clark et al., NSDI 2005).
   */
  static final Infrastructure.MigrationSpec DEFAULT_MIGRATION =
      new Infrastructure.MigrationSpec(10, 300 * SimTime.NANOS_PER_MILLI, 30, 20 * SimTime.NANOS_PER_MILLI);

  private static Infrastructure.MigrationSpec migration(Fields o) {
    double dirty = o.parsed("dirtyRate", Units::memoryBytes).map(b -> b / 1048576.0).orElse(DEFAULT_MIGRATION.dirtyMiBps());
    long downtime = o.duration("maxDowntime").orElse(DEFAULT_MIGRATION.maxDowntimeNanos());
    int rounds = (int) o.integer("maxRounds", 1, 1000).orElse(DEFAULT_MIGRATION.maxRounds());
    long switchOver = o.duration("switchOver").orElse(DEFAULT_MIGRATION.switchOverNanos());
    o.done();
    return new Infrastructure.MigrationSpec(dirty, downtime, rounds, switchOver);
  }

  private static Infrastructure.ConsolidationSpec consolidation(Fields o) {
    long interval = Math.max(1, o.duration("interval").orElse(5 * SimTime.NANOS_PER_MINUTE)); // CloudSim's PlanetLab interval, 300 s
    String overload = o.oneOf("overload", OVERLOAD_DETECTORS).orElse("thr");
    double parameter = overload.equals("thr") ? o.decimal("threshold", 0, 1).orElse(DETECTOR_DEFAULTS.get("thr"))
        : o.decimal("safety", 0, 100).orElse(DETECTOR_DEFAULTS.get(overload));
    String selection = o.oneOf("selection", List.of("mmt")).orElse("mmt");
    boolean underload = o.bool("underload").orElse(true);
    o.done(); // a 'threshold' beside iqr/mad/lr (or 'safety' beside thr) is reported as an unknown key here
    return new Infrastructure.ConsolidationSpec(interval, overload, parameter, selection, underload);
  }

  private static Optional<Infrastructure.RollbackSpec> rollback(Node n, Problems problems) {
    return Fields.of(n, problems, "a rollback").flatMap(f -> {
      long vm = f.integer("vm", 0, 10_000_000).orElse(-1);
      if (!f.has("vm")) problems.add(f.mark(), "a rollback needs the 'vm' number (0-based)", "e.g. vm: 0");
      long at = f.duration("at").orElse(-1);
      if (!f.has("at")) problems.add(f.mark(), "a rollback needs 'at', when it happens", "e.g. at: 12h");
      f.done();
      return vm < 0 || at < 0 ? Optional.empty() : Optional.of(new Infrastructure.RollbackSpec((int) vm, at));
    });
  }

  /**
   * Gives the {@code datacenter} model of one workload the infrastructure and the workload's kind:
   * its settings become its own keys plus {@code infrastructure} and {@code kind}, marks kept.
   */
  public static void attach(Map<String, Node> models, Optional<Node> infrastructure, String kind, Mark where) {
    if (infrastructure.isEmpty() && kind.equals("service")) return;
    LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
    if (models.get("datacenter") instanceof Node.MapNode own) entries.putAll(own.entries());
    infrastructure.ifPresent(i -> entries.put("infrastructure", new Node.Entry(new Node.Key("infrastructure", i.mark()), i)));
    entries.put("kind", new Node.Entry(new Node.Key("kind", where), new Node.Scalar(kind, false, where)));
    Mark mark = models.containsKey("datacenter") ? models.get("datacenter").mark() : where;
    models.put("datacenter", new Node.MapNode(entries, mark));
  }

  private static List<Node> items(Node n, String key, Problems problems) {
    if (n instanceof Node.ListNode l) return l.items();
    problems.add(n.mark(), "'" + key + "' must be a list", "start each item with '- '");
    return List.of();
  }

  private static Optional<HostModelSpec> hostModel(Node n, Problems problems) {
    return Fields.of(n, problems, "a host model").flatMap(f -> {
      Optional<String> name = f.string("name");
      if (!f.has("name")) problems.add(f.mark(), "a host model needs a 'name'", "e.g. name: r640");
      int cores = (int) f.integer("cores", 1, 4096).orElse(1);
      if (!f.has("cores")) problems.add(f.mark(), "a host model needs 'cores'", "e.g. cores: 32");
      double mips = f.decimal("mipsPerCore", 1, 1e7).orElse(1000);
      long mem = f.parsed("memory", Units::memoryBytes).orElse(0L) >> 20;
      if (mem <= 0) problems.add(f.keyMark("memory"), "a host model needs a positive 'memory'", "e.g. memory: 384Gi");
      double bw = f.decimal("bandwidthMbps", 1, 1e7).orElse(10_000);
      List<Double> power = power(f, problems);
      BigDecimal cost = f.parsed("costPerMonth", BigDecimal::new).orElse(BigDecimal.ZERO);
      f.done();
      return name.filter(x -> mem > 0).map(x -> new HostModelSpec(x, cores, mips, mem, bw, power, cost));
    });
  }

  private static List<Double> power(Fields f, Problems problems) {
    Optional<Node> p = f.node("powerWatts");
    if (p.isEmpty()) return List.of(100.0, 300.0); // no table given: a plain linear 100–300 W server
    List<String> texts = f.strings("powerWatts").orElse(List.of());
    List<Double> out = new ArrayList<>();
    for (String t : texts) {
      try {
        double w = Double.parseDouble(t);
        if (!(w >= 0)) throw new NumberFormatException();
        out.add(w);
      } catch (NumberFormatException e) {
        problems.add(p.get().mark(), "'powerWatts' must be watts (numbers ≥ 0), found '" + t + "'",
            "give watts at 0 %, 10 %, …, 100 % load (SPECpower), or [idle, max] for a line");
        return List.of(100.0, 300.0);
      }
    }
    if (out.size() < 2) {
      problems.add(p.get().mark(), "'powerWatts' needs at least idle and full-load watts", "e.g. powerWatts: [93.7, 135]");
      return List.of(100.0, 300.0);
    }
    return List.copyOf(out);
  }

  private static void datacenter(Node n, Map<String, HostModelSpec> models, Problems problems, List<ZoneSpec> out) {
    Fields.of(n, problems, "a datacenter").ifPresent(f -> {
      String dc = f.string("name").orElse("dc");
      f.required("zones", "e.g. zones: [{name: a, hostModel: r640, hosts: 8}]").ifPresent(z -> items(z, "zones", problems).forEach(zn ->
          Fields.of(zn, problems, "a zone of datacenter '" + dc + "'").ifPresent(zf -> {
            String zone = zf.string("name").orElse("zone");
            Optional<String> model = zf.string("hostModel");
            if (!zf.has("hostModel")) problems.add(zf.mark(), "a zone needs a 'hostModel'", "name one of hostModels");
            model.filter(m -> !models.containsKey(m)).ifPresent(m -> problems.add(zf.node("hostModel").get().mark(),
                "unknown host model '" + m + "'", Fields.suggestion(m, models.keySet()).map(s -> "did you mean '" + s + "'?")
                    .orElse("host models: " + String.join(", ", models.keySet()))));
            int count = (int) zf.integer("hosts", 1, 1_000_000).orElse(1);
            zf.done();
            model.filter(models::containsKey).ifPresent(m -> out.add(new ZoneSpec(dc, zone, m, count)));
          })));
      f.done();
    });
  }

  private static Optional<HypervisorSpec> hypervisor(Node n, Problems problems) {
    return Fields.of(n, problems, "infrastructure hypervisor").map(f -> {
      String type = f.oneOf("type", HYPERVISORS).orElse("type1");
      double overhead = f.decimal("overhead", 0, 0.9).orElse(type.equals("type1") ? 0.05 : 0.10);
      BigDecimal perHost = BigDecimal.ZERO, perCore = BigDecimal.ZERO;
      Optional<Fields> lic = f.node("licence").flatMap(l -> Fields.of(l, problems, "hypervisor licence"));
      if (lic.isPresent()) {
        perHost = lic.get().parsed("perHostPerMonth", BigDecimal::new).orElse(BigDecimal.ZERO);
        perCore = lic.get().parsed("perCorePerMonth", BigDecimal::new).orElse(BigDecimal.ZERO);
        lic.get().done();
      }
      f.done();
      return new HypervisorSpec(type, overhead, perHost, perCore);
    });
  }

  private static Optional<FailureProcessSpec> failureProcess(Fields f, Problems problems) {
    Optional<Distribution> ttf = f.node("mtbf").flatMap(n -> meanOrDistribution(n, "'mtbf'", problems));
    Optional<Distribution> ttr = f.node("mttr").flatMap(n -> meanOrDistribution(n, "'mttr'", problems));
    if (!f.has("mtbf")) problems.add(f.mark(), "failures as a mapping need 'mtbf' (mean time between failures)",
        "e.g. failures: {mtbf: 2000h, mttr: 4h}, or a list of scheduled failures [{host: 0, at: 6h}]");
    long detect = f.duration("detect").orElse(DEFAULT_DETECT);
    long boot = f.duration("boot").orElse(DEFAULT_BOOT);
    Distribution repair = ttr.orElse(new Exponential(4 * SimTime.NANOS_PER_HOUR));
    return ttf.map(t -> new FailureProcessSpec(t, repair, detect, boot));
  }

  /** A bare duration is the mean of an exponential distribution (memoryless failures); a mapping is any distribution. */
  private static Optional<Distribution> meanOrDistribution(Node n, String what, Problems problems) {
    if (n instanceof Node.Scalar s && s.text() != null) {
      try {
        long mean = Units.duration(s.text());
        if (mean > 0) return Optional.of(new Exponential(mean));
        problems.add(s.mark(), what + " must be positive", "e.g. 2000h");
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        problems.add(s.mark(), what + " has a bad value '" + s.text() + "'", e.getMessage());
        return Optional.empty();
      }
    }
    return DistributionSpec.bind(n, what, problems);
  }

  private static Optional<FailureSpec> failure(Node n, int hosts, Problems problems) {
    return Fields.of(n, problems, "a host failure").flatMap(f -> {
      long host = f.integer("host", 0, Math.max(0, hosts - 1)).orElse(-1);
      if (!f.has("host")) problems.add(f.mark(), "a failure needs the 'host' number (0-based)", "e.g. host: 0");
      long at = f.duration("at").orElse(-1);
      if (!f.has("at")) problems.add(f.mark(), "a failure needs 'at', when it happens", "e.g. at: 6h");
      long detect = f.duration("detect").orElse(DEFAULT_DETECT);
      long boot = f.duration("boot").orElse(DEFAULT_BOOT);
      long repair = f.duration("repair").orElse(4 * SimTime.NANOS_PER_HOUR);
      f.done();
      return host < 0 || at < 0 ? Optional.empty() : Optional.of(new FailureSpec((int) host, at, detect, boot, repair));
    });
  }
}
