package dev.polyvirt.models.vm;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import dev.polyvirt.pricing.OperatingSystem;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@code vm} compute model: a fleet of EC2 instances behind a load balancer with one queue.
 *
 * <p>The initial fleet is running at time zero (a steady state, not a cold launch); instances an
 * autoscaler adds boot for 30–120 s, uniformly (seed 003, "VM operational model
 * characteristics"). Each instance loses 5–10 % of its capacity to the hypervisor (same source),
 * drawn per instance, which stretches every request it serves. Billing is per second with a
 * 60-second minimum per instance (EC2 per-second billing, Linux).
 */
public final class VmModel implements ComputeModel<VmSettings> {
  static final Distribution DEFAULT_BOOT = new Uniform(30 * SimTime.NANOS_PER_SECOND, 120 * SimTime.NANOS_PER_SECOND);
  static final double OVERHEAD_MIN = 0.05, OVERHEAD_MAX = 0.10;
  /**
   * Memory a guest OS keeps: 512 MiB, the RAM the Debian installation guide recommends for a
   * system without a desktop (Debian GNU/Linux Installation Guide, "Meeting minimum hardware
   * requirements"). Every VM carries a full OS (seeds 000, 001); containers share the node's.
   */
  static final long OS_MEMORY = 512L << 20;

  @Override
  public String name() {
    return "vm";
  }

  @Override
  public Optional<VmSettings> bind(Optional<Node> node, Workload w, Problems problems) {
    VmSettings def = new VmSettings(Optional.empty(), OptionalInt.empty(), Optional.empty(), DEFAULT_BOOT,
        OVERHEAD_MIN, OVERHEAD_MAX, OptionalInt.empty(), OS_MEMORY);
    if (node.isEmpty()) return Optional.of(def);
    return Fields.of(node.get(), problems, "models.vm").map(f -> {
      Optional<String> type = f.string("instanceType");
      OptionalInt count = optInt(f, "count", 1, 100_000);
      Optional<VmSettings.Autoscaling> as = f.node("autoscaling").flatMap(a -> Fields.of(a, problems, "vm autoscaling").map(af -> {
        // CPU target tracking cannot scale out from zero: no instance reports CPU (AWS alarms see no data)
        if (af.integer("min", 0, 100_000).orElse(1) == 0) {
          problems.add(af.keyMark("min"), "autoscaling 'min: 0' would never scale back out: with no instance running, "
              + "nothing reports the CPU that target tracking follows", "use min: 1, or faas / container for scale to zero");
        }
        int min = (int) Math.max(1, af.integer("min", 0, 100_000).orElse(1));
        int max = (int) af.integer("max", 1, 100_000).orElse(Math.max(min, 10));
        double target = af.decimal("targetCpu", 1, 100).orElse(50);
        if (max < min) problems.add(af.keyMark("max"), "autoscaling 'max' is below 'min'", "swap them");
        af.done();
        return new VmSettings.Autoscaling(min, Math.max(min, max), target);
      }));
      Distribution boot = f.node("bootTime").flatMap(b -> DistributionSpec.bind(b, "bootTime", problems)).orElse(DEFAULT_BOOT);
      double overhead = f.decimal("hypervisorOverhead", 0, 0.9).orElse(Double.NaN);
      OptionalInt conc = optInt(f, "concurrency", 1, 1_000_000);
      long os = f.parsed("osMemory", Units::memoryBytes).orElse(OS_MEMORY);
      f.done();
      double lo = Double.isNaN(overhead) ? OVERHEAD_MIN : overhead;
      double hi = Double.isNaN(overhead) ? OVERHEAD_MAX : overhead;
      return new VmSettings(type, count, as, boot, lo, hi, conc, os);
    });
  }

  static OptionalInt optInt(Fields f, String key, long min, long max) {
    var v = f.integer(key, min, max);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, VmSettings s) {
    List<String> reasons = new ArrayList<>();
    if (s.instanceType().isPresent() && ctx.workload().requirements().confidential() && Fleet.named(ctx, s.instanceType().get()).isEmpty()) {
      reasons.add("instance type " + s.instanceType().get() + " cannot run a confidential VM: price book " + ctx.priceBook().label()
          + " lists " + (ctx.priceBook().confidentialInstanceTypes().isEmpty() ? "no confidential instance types"
              : "these: " + String.join(", ", ctx.priceBook().confidentialInstanceTypes().stream().map(t -> t.name()).toList())));
    } else if (s.instanceType().isPresent() && ctx.priceBook().instanceType(s.instanceType().get()).isEmpty()) {
      reasons.add("instance type " + s.instanceType().get() + " is not in price book " + ctx.priceBook().label());
    } else if (Fleet.choose(ctx, s, 1).isEmpty()) {
      int gpu = ctx.workload().requirements().gpu();
      reasons.add(gpu > 0 ? "no instance type in " + ctx.priceBook().label() + " has " + gpu + " GPU(s) and room for a request"
          : "no instance type in " + ctx.priceBook().label() + " has room for one request ("
              + ctx.workload().request().cpuMillis() + "m CPU, " + ctx.workload().request().memoryMiB() + " MiB)");
    }
    return reasons;
  }

  @Override
  public ModelResult simulate(RunContext ctx, VmSettings s) {
    double meanSlowdown = 1 / (1 - (s.overheadMin() + s.overheadMax()) / 2);
    Fleet fleet = Fleet.choose(ctx, s, meanSlowdown).orElseThrow();
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    RandomStreams own = ctx.streams().child(name());
    UniformRandomProvider overheadRng = own.stream("hypervisor-overhead");
    Distribution.Sampler boot = s.boot().sampler(own.stream("boot"));
    OperatingSystem os = ctx.workload().requirements().os().equals("windows") ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
    InstanceBilling billing = new InstanceBilling(ctx.priceBook(), fleet.type(), os, ctx.horizonNanos());
    ServerPool pool = new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, fleet.slots(), billing);
    Runnable launchBooted = () -> pool.add(boot.next(), slowdown(s, overheadRng));
    int initial = s.autoscaling().map(a -> Math.max(a.min(), Math.min(a.max(), fleet.count()))).orElse(fleet.count());
    for (int i = 0; i < initial; i++) pool.add(0, slowdown(s, overheadRng));
    s.autoscaling().ifPresent(a -> new TargetTracking(sim, stats, pool, a,
        ctx.workload().request().cpuMillis() / (fleet.type().vcpus() * 1000.0), launchBooted::run).start());
    RequestDriver.start(sim, ctx, pool::submit, stats, 1.0);
    sim.runUntil(Long.MAX_VALUE);
    stats.unserved(pool.queued());
    List<String> notes = List.of(initial + (s.autoscaling().isPresent() ? " initial" : "") + " × " + fleet.type().name()
        + " (" + fleet.slots() + " requests at once each)" + (s.autoscaling().isPresent()
            ? ", target tracking " + s.autoscaling().get().min() + "-" + s.autoscaling().get().max() : ""));
    return VmBill.result(name(), ctx, fleet.type(), stats, billing, notes);
  }

  private static double slowdown(VmSettings s, UniformRandomProvider rng) {
    double overhead = s.overheadMin() + (s.overheadMax() - s.overheadMin()) * rng.nextDouble();
    return 1 / (1 - overhead);
  }
}
