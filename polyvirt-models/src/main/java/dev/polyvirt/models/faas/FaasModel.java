package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.faas.keepalive.FixedKeepAlive;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicies;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.LambdaMeter;
import dev.polyvirt.pricing.LambdaPrices;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Requirements;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code faas} compute model: AWS Lambda semantics and prices. Defaults: memory = the
 * request's memory rounded up to whole MB (at least 128), timeout 900 s (the Lambda maximum, so
 * a default never cuts requests short), keep-alive fixed 10 min (the {@code aws} preset: Shilkov
 * 2019 measurement, figures.md "Keep-alive and scaling policies"), cold start per runtime
 * ({@link ColdStarts}), reserved concurrency = the account limit, MRU instance selection, no
 * keep-warm pings.
 *
 * <p>{@code keepAlive} takes any policy of {@link KeepAlivePolicies} ({@code {fixed: 10m}},
 * {@code none}, {@code forever}, {@code aws}, {@code azure}, {@code huawei}, {@code hybrid});
 * {@code pings} takes {@link Pings}.
 */
public final class FaasModel implements ComputeModel<FaasSettings> {
  /** Fixed 10 min, the AWS figure; written as {@code {fixed: 10m}} in notes. */
  static final KeepAlivePolicy DEFAULT_KEEP_ALIVE = FixedKeepAlive.of(FixedKeepAlive.AWS.keepAliveNanos());
  /** The account's default concurrency when the price book is not at hand (AWS Lambda quotas). */
  static final int ACCOUNT_CONCURRENCY = 1000;
  static final int MAX_MEMORY_MB = 10_240;
  static final long MAX_TIMEOUT = 900 * SimTime.NANOS_PER_SECOND;
  /** Memory at which a function gets one full vCPU (AWS Lambda docs; figures.md "FaaS"). */
  static final double MB_PER_VCPU = 1769;
  /** Most vCPUs a function gets (6, at 10,240 MB; AWS Lambda docs). */
  static final double MAX_VCPUS = 6;

  @Override
  public String name() {
    return "faas";
  }

  @Override
  public Optional<FaasSettings> bind(Optional<Node> node, Workload w, Problems problems) {
    int defaultMemory = defaultMemory(w);
    if (node.isEmpty()) return Optional.of(defaults(w, defaultMemory));
    return Fields.of(node.get(), problems, "models.faas").map(f -> {
      int memory = (int) f.integer("memorySize", 128, MAX_MEMORY_MB).orElse(defaultMemory);
      long timeout = f.duration("timeout").orElse(MAX_TIMEOUT);
      if (f.has("timeout") && (timeout <= 0 || timeout > MAX_TIMEOUT)) {
        problems.add(f.keyMark("timeout"), "'timeout' must be between 1s and 15m (the Lambda maximum)", "e.g. timeout: 30s");
      }
      String arch = f.oneOf("architecture", List.of("x86_64", "arm64")).orElse("x86_64");
      KeepAlivePolicy keepAlive = f.node("keepAlive").flatMap(k -> KeepAlivePolicies.bind(k, problems)).orElse(DEFAULT_KEEP_ALIVE);
      Distribution cold = f.node("coldStart").flatMap(c -> DistributionSpec.bind(c, "coldStart", problems))
          .orElseGet(() -> ColdStarts.forRuntime(w.runtime(), memory));
      int provisioned = (int) f.integer("provisionedConcurrency", 0, 100_000).orElse(0);
      int reserved = (int) f.integer("reservedConcurrency", 1, 100_000).orElse(ACCOUNT_CONCURRENCY);
      if (provisioned > reserved) {
        problems.add(f.keyMark("provisionedConcurrency"), "provisionedConcurrency (" + provisioned
            + ") exceeds reservedConcurrency (" + reserved + ")", "AWS requires provisioned <= reserved concurrency");
      }
      InstanceSelection sel = f.oneOf("instanceSelection", InstanceSelection.names()).map(InstanceSelection::of)
          .orElse(InstanceSelection.MRU);
      boolean freeTier = f.bool("freeTier").orElse(false);
      Pings pings = f.node("pings").flatMap(p -> Pings.bind(p, problems)).orElse(Pings.NONE);
      f.done();
      return new FaasSettings(memory, timeout, arch, keepAlive, cold, provisioned, reserved, sel, freeTier, pings);
    });
  }

  /**
   * Returns the smallest memory size that holds the request and gives it the CPU it needs:
   * Lambda allocates CPU in proportion to memory, one vCPU at 1,769 MB (AWS Lambda docs,
   * "Memory and computing power"). Lambda "MB" are MiB (GB-s divide by 1024).
   */
  static int defaultMemory(Workload w) {
    long forCpu = (long) Math.ceil(w.request().cpuMillis() / 1000.0 * MB_PER_VCPU);
    return (int) Math.max(128, Math.min(MAX_MEMORY_MB + 1L, Math.max(w.request().memoryMiB(), forCpu)));
  }

  private static FaasSettings defaults(Workload w, int memory) {
    return new FaasSettings(Math.min(memory, MAX_MEMORY_MB), MAX_TIMEOUT, "x86_64", DEFAULT_KEEP_ALIVE,
        ColdStarts.forRuntime(w.runtime(), memory), 0, ACCOUNT_CONCURRENCY, InstanceSelection.MRU, false, Pings.NONE);
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, FaasSettings s) {
    Workload w = ctx.workload();
    LambdaPrices.Limits limits = ctx.priceBook().lambda().limits();
    List<String> reasons = new ArrayList<>();
    double p99 = w.request().duration().quantileNanos(0.99);
    long max = limits.maxTimeoutNanos();
    if (p99 > max) {
      reasons.add(String.format(Locale.ROOT, "requests run too long: p99 duration %s exceeds the %s FaaS limit",
          SimTime.format(Math.round(p99)), SimTime.format(max)));
    }
    if (w.request().memoryMiB() > limits.memoryMaxMb()) {
      reasons.add("a request needs " + w.request().memoryMiB() + " MiB; FaaS allows at most " + limits.memoryMaxMb() + " MB");
    }
    if (!w.requirements().os().equals("linux")) {
      reasons.add("os: " + w.requirements().os() + " is not offered: FaaS runs Linux functions only");
    }
    if (w.requirements().gpu() > 0) reasons.add("FaaS offers no GPU");
    if (w.requirements().state().equals("stateful")) {
      reasons.add("stateful workloads do not fit FaaS: instances are ephemeral and reclaimed when idle (seed 003 decision table)");
    }
    if (!limits.allowsMemory(s.memorySizeMb())) {
      reasons.add("memorySize " + s.memorySizeMb() + " MB is outside " + limits.memoryMinMb() + "-" + limits.memoryMaxMb() + " MB");
    }
    return reasons;
  }

  @Override
  public ModelResult simulate(RunContext ctx, FaasSettings s) {
    return simulateDetailed(ctx, s).result();
  }

  /** Simulates like {@link #simulate} and also returns what FaaS measures beyond SPEC.md §3 (pings, idle memory). */
  public FaasRun simulateDetailed(RunContext ctx, FaasSettings s) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    RandomStreams own = ctx.streams().child(name());
    Architecture arch = Architecture.named(s.architecture()).orElseThrow();
    LambdaMeter usage = new LambdaMeter(ctx.priceBook().lambda(), arch, s.memorySizeMb());
    LambdaMeter pingUsage = new LambdaMeter(ctx.priceBook().lambda(), arch, s.memorySizeMb());
    FaasPlatform platform = new FaasPlatform(sim, stats, s, s.coldStart().sampler(own.stream("cold-start")),
        own.stream("instance-selection"), usage, pingUsage);
    double slowdown = cpuSlowdown(ctx.workload(), s.memorySizeMb());
    var durations = ctx.workload().request().duration().scaled(slowdown).sampler(ctx.streams().stream("durations"));
    new RequestDriver(sim, ctx.traffic().arrivals(ctx.streams().stream("arrivals"), ctx.horizonNanos()), durations, platform, stats).start();
    sim.runUntil(Long.MAX_VALUE);
    return FaasBill.result(name(), ctx, s, stats, usage, pingUsage, platform, slowdown);
  }

  /**
   * Returns how much longer a request runs when the function's CPU share (memory / 1,769 MB)
   * is below the CPU the request needs; requests are taken as CPU-bound for the whole duration.
   */
  static double cpuSlowdown(Workload w, int memoryMb) {
    double share = Math.min(MAX_VCPUS, memoryMb / MB_PER_VCPU);
    return Math.max(1.0, w.request().cpuMillis() / 1000.0 / share);
  }
}
