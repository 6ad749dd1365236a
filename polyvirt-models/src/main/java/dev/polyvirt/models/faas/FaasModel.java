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
import dev.polyvirt.pricing.FunctionLimits;
import dev.polyvirt.pricing.FunctionMeter;
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
 * The {@code faas} compute model: AWS Lambda semantics, billed by the price book's FaaS offer
 * ({@link FaasOffers}: AWS Lambda, Azure Functions Consumption or Cloud Run functions). Defaults:
 * memory = the request's memory rounded up to whole MB (at least 128), timeout 900 s (the Lambda
 * maximum, so a default never cuts requests short), keep-alive fixed 10 min (the {@code aws}
 * preset: Shilkov 2019 measurement, figures.md "Keep-alive and scaling policies"), cold start per
 * runtime and provider ({@link ColdStarts}; {@code packageSize} adds the package's load time,
 * {@link PackageSize}), reserved concurrency = the account limit, MRU instance selection, no
 * keep-warm pings. On another book, {@link FaasOffers#onBook} adapts the default memory size,
 * timeout and CPU share to the offer.
 *
 * <p>{@code keepAlive} takes any policy of {@link KeepAlivePolicies} ({@code {fixed: 10m}},
 * {@code none}, {@code forever}, {@code aws}, {@code azure}, {@code huawei}, {@code hybrid});
 * {@code pings} takes {@link Pings}. {@code keepAlive} may be a list of policies, e.g.
 * {@code [aws, {fixed: 20m}, hybrid]}: every policy is then simulated on the same requests and one
 * is chosen ({@link KeepAliveComparison}, {@link #compareKeepAlive}); it cannot be combined with a
 * {@code memorySize} list.
 *
 * <p>{@code cpuBound} (0–1, default 1) is the share of a request's duration that is CPU-bound and
 * so stretches when memory buys less CPU than {@code request.cpu} ({@link #cpuSlowdown}).
 * {@code memorySize} may be a list of sizes: every size is then simulated on the same requests
 * and one is chosen by {@code powerTuning: {objective: cost | speed | balanced, weight: 0.5}}
 * ({@link PowerTuning}, simulated AWS Lambda Power Tuning); a single number is simulated alone,
 * exactly as before lists existed.
 *
 * <p>{@code invocation: sync | async} (default: async when a trace's functions all have an
 * asynchronous trigger), {@code maximumEventAge}, {@code maximumRetryAttempts} and
 * {@code accountConcurrency} are read by {@link InvocationPolicy}: asynchronous events that are
 * throttled or time out are retried as AWS Lambda does ({@link AsyncEvents}).
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
      Optional<Node> memoryNode = f.node("memorySize");
      boolean tuned = memoryNode.isPresent() && memoryNode.get() instanceof Node.ListNode;
      List<Integer> sizes = tuned ? PowerTuning.sizes((Node.ListNode) memoryNode.get(), 128, MAX_MEMORY_MB, problems) : List.of();
      int memory = tuned ? (sizes.isEmpty() ? defaultMemory : sizes.get(0))
          : (int) f.integer("memorySize", 128, MAX_MEMORY_MB).orElse(defaultMemory);
      long timeout = f.duration("timeout").orElse(MAX_TIMEOUT);
      if (f.has("timeout") && (timeout <= 0 || timeout > MAX_TIMEOUT)) {
        problems.add(f.keyMark("timeout"), "'timeout' must be between 1s and 15m (the Lambda maximum)", "e.g. timeout: 30s");
      }
      String arch = f.oneOf("architecture", List.of("x86_64", "arm64")).orElse("x86_64");
      Optional<Node> keepAliveNode = f.node("keepAlive");
      boolean compared = keepAliveNode.isPresent() && keepAliveNode.get() instanceof Node.ListNode;
      List<KeepAlivePolicy> policies = compared ? KeepAliveComparison.policies((Node.ListNode) keepAliveNode.get(), problems) : List.of();
      KeepAlivePolicy keepAlive = compared ? (policies.isEmpty() ? DEFAULT_KEEP_ALIVE : policies.get(0))
          : keepAliveNode.flatMap(k -> KeepAlivePolicies.bind(k, problems)).orElse(DEFAULT_KEEP_ALIVE);
      if (compared && tuned) {
        problems.add(f.keyMark("keepAlive"), "a 'keepAlive' list cannot be combined with a 'memorySize' list: compare one at a time",
            "compare policies at one size (memorySize: 1024, keepAlive: [aws, hybrid]) or sizes under one policy (keepAlive: hybrid)");
      }
      Optional<Distribution> givenCold = f.node("coldStart").flatMap(c -> DistributionSpec.bind(c, "coldStart", problems));
      long packageMiB = PackageSize.bind(f, problems);
      Distribution cold = givenCold.orElseGet(() -> ColdStarts.forRuntime(w.runtime(), memory, packageMiB));
      int provisioned = (int) f.integer("provisionedConcurrency", 0, 100_000).orElse(0);
      // without reservedConcurrency a function may use the whole account quota (accountConcurrency when given)
      InvocationPolicy invocation = InvocationPolicy.bind(f, problems);
      int account = invocation.accountConcurrency().orElse(ACCOUNT_CONCURRENCY);
      int reserved = (int) f.integer("reservedConcurrency", 1, 100_000).orElse(Math.min(account, 100_000));
      if (provisioned > reserved) {
        problems.add(f.keyMark("provisionedConcurrency"), "provisionedConcurrency (" + provisioned
            + ") exceeds reservedConcurrency (" + reserved + ")", "AWS requires provisioned <= reserved concurrency");
      }
      InstanceSelection sel = f.oneOf("instanceSelection", InstanceSelection.names()).map(InstanceSelection::of)
          .orElse(InstanceSelection.MRU);
      boolean freeTier = f.bool("freeTier").orElse(false);
      Pings pings = f.node("pings").flatMap(p -> Pings.bind(p, problems)).orElse(Pings.NONE);
      double cpuBound = f.decimal("cpuBound", 0, 1).orElse(1.0);
      PowerTuning tuning = f.node("powerTuning").flatMap(p -> PowerTuning.bind(p, problems)).orElse(PowerTuning.NONE);
      if (f.has("powerTuning") && !tuned) {
        problems.add(f.keyMark("powerTuning"), "'powerTuning' compares memory sizes, but memorySize is not a list",
            "list the sizes to compare, e.g. memorySize: [128, 256, 512, 1024, 1769, 3008]");
      }
      if (tuned) {
        List<Distribution> colds = sizes.stream()
            .map(mb -> givenCold.orElseGet(() -> ColdStarts.forRuntime(w.runtime(), mb, packageMiB))).toList();
        tuning = tuning.withSizes(sizes, colds);
      }
      if (f.has("reservedConcurrency") && invocation.accountConcurrency().isPresent() && reserved > invocation.accountConcurrency().getAsInt()) {
        problems.add(f.keyMark("reservedConcurrency"), "reservedConcurrency (" + reserved + ") exceeds accountConcurrency ("
            + invocation.accountConcurrency().getAsInt() + ")", "a function cannot reserve more than the account's quota (AWS also keeps 100 unreserved)");
      }
      f.done();
      return new FaasSettings(memory, timeout, arch, keepAlive, cold, provisioned, reserved, sel, freeTier, pings, cpuBound,
          tuning.enabled() ? tuning : PowerTuning.NONE, compared && !tuned ? new KeepAliveComparison(policies) : KeepAliveComparison.NONE,
          invocation, memoryNode.isEmpty());
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
        ColdStarts.forRuntime(w.runtime(), memory), 0, ACCOUNT_CONCURRENCY, InstanceSelection.MRU, false, Pings.NONE, 1.0,
        PowerTuning.NONE, KeepAliveComparison.NONE, InvocationPolicy.DEFAULT, true);
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, FaasSettings s) {
    Workload w = ctx.workload();
    List<String> reasons = FaasOffers.infeasibleReasons(ctx, s);
    if (FaasOffers.offer(ctx).isEmpty()) return reasons;
    FunctionLimits limits = FaasOffers.offer(ctx).get().limits();
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
    return reasons;
  }

  /**
   * Simulates the workload: at {@code memorySize}, or, when it is a list, at every size of it
   * ({@link #tune}), returning the best size's result with the whole curve as its
   * {@value PowerTuning#TABLE} table.
   */
  @Override
  public ModelResult simulate(RunContext ctx, FaasSettings s) {
    if (s.keepAliveComparison().enabled()) return compareKeepAlive(ctx, s).result();
    return s.powerTuning().enabled() ? tune(ctx, s).result() : simulateDetailed(ctx, s).result();
  }

  /**
   * Simulates every keep-alive policy of {@code s}'s comparison on the same requests and picks one
   * ({@link KeepAliveComparison}). Each policy is its own simulation drawing arrivals, durations
   * and cold starts from fresh streams of the same names, so every policy sees the same requests;
   * each run equals simulating that policy alone.
   */
  public KeepAliveComparisonRun compareKeepAlive(RunContext ctx, FaasSettings s) {
    List<KeepAlivePolicy> policies = s.keepAliveComparison().policies();
    if (policies.isEmpty()) throw new IllegalArgumentException("keepAlive is a single policy: nothing to compare");
    if (s.powerTuning().enabled()) throw new IllegalArgumentException("compare keep-alive policies at one memory size");
    List<FaasRun> runs = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) runs.add(simulateDetailed(ctx, s.atComparedKeepAlive(i)));
    return KeepAliveComparisonRun.of(ctx, policies, runs);
  }

  /**
   * Simulates every memory size of {@code s}'s power-tuning list on the same requests and picks
   * one by the objective ({@link PowerTuning}). Each size is its own simulation drawing arrivals,
   * durations and cold starts from fresh streams of the same names, so every size sees the same
   * arrivals and the same draws (stretched by its own {@link #cpuSlowdown}).
   */
  public PowerTuningRun tune(RunContext ctx, FaasSettings s) {
    PowerTuning tuning = s.powerTuning();
    if (!tuning.enabled()) throw new IllegalArgumentException("memorySize is a single size: nothing to tune");
    List<FaasRun> runs = new ArrayList<>();
    for (int i = 0; i < tuning.memorySizesMb().size(); i++) runs.add(simulateDetailed(ctx, s.atTunedSize(i)));
    return PowerTuningRun.of(ctx, tuning, runs);
  }

  /**
   * Simulates the single size {@code s.memorySizeMb()} (the first of a power-tuning list) and also
   * returns what FaaS measures beyond SPEC.md §3 (pings, idle memory).
   */
  public FaasRun simulateDetailed(RunContext ctx, FaasSettings given) {
    FaasSettings s = FaasOffers.onBook(ctx, given);
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    RandomStreams own = ctx.streams().child(name());
    FunctionMeter usage = FaasOffers.meter(ctx, s);
    FunctionMeter pingUsage = FaasOffers.meter(ctx, s);
    // Lambda's regional quota (1,000) unless given: Azure's 100-instance Consumption scale-out is an
    // instance count, and its instances run several executions at once, so it is no concurrency cap here.
    int account = s.invocation().accountConcurrency().orElse(ACCOUNT_CONCURRENCY);
    boolean async = s.invocation().asynchronous(ctx.traffic());
    FaasPlatform platform = new FaasPlatform(sim, stats, s, s.coldStart().sampler(own.stream("cold-start")),
        own.stream("instance-selection"), usage, pingUsage, account, async);
    double slowdown = FaasOffers.cpuSlowdown(ctx, s);
    RequestDriver.start(sim, ctx, platform, stats, slowdown);
    sim.runUntil(Long.MAX_VALUE);
    FaasRun run = FaasBill.result(name(), ctx, s, stats, usage, pingUsage, platform, slowdown);
    return platform.asyncEvents() == null ? run : AsyncFigures.addTo(run, platform.asyncEvents(), s.invocation(), ctx.traffic());
  }

  /**
   * Returns how much longer a request runs on a function of {@code memoryMb} than its
   * {@code request.duration}: {@code (1 − f) + f × max(1, c / share)}, where c is the request's
   * CPU need in cores ({@code request.cpu}), share = min(6, memory / 1,769 MB) the vCPUs Lambda
   * allocates (one at 1,769 MB, six at 10,240 MB: AWS Lambda docs "Memory and computing power",
   * figures.md "FaaS"), and f = {@code cpuBound}, the share of the duration that is CPU-bound.
   *
   * <p>The CPU-bound part stretches by c / share when the share is below the need; the rest (I/O,
   * waiting on other services) runs as long at any size. Above the need nothing speeds up: the
   * duration is what a request takes with {@code cpu} cores, and a single request uses at most
   * {@code cpu} cores, so more memory than the need buys no speed. f = 1 (the default) is the
   * fully CPU-bound request; f = 0 makes the duration independent of memory.
   */
  static double cpuSlowdown(Workload w, int memoryMb, double cpuBound) {
    return cpuSlowdown(w.request().cpuMillis() / 1000.0, memoryMb, cpuBound);
  }

  /** Returns {@code (1 − f) + f × max(1, cores / min(6, memoryMb / 1769))}, as {@link #cpuSlowdown(Workload, int, double)}. */
  static double cpuSlowdown(double cores, int memoryMb, double cpuBound) {
    double share = vcpus(memoryMb);
    return (1 - cpuBound) + cpuBound * Math.max(1.0, cores / share);
  }

  /** Returns the vCPUs a function of {@code memoryMb} gets: min(6, memory / 1,769 MB). */
  static double vcpus(int memoryMb) {
    return Math.min(MAX_VCPUS, memoryMb / MB_PER_VCPU);
  }
}
