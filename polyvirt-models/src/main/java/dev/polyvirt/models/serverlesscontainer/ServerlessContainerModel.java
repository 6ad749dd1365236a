package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.LogNormal;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.Energy;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.CloudRunPrices;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Requirements;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code serverless-container} compute model: Knative Serving / Cloud Run semantics (request
 * concurrency per instance, the KPA autoscaler, scale to zero, activator buffering) on instances
 * billed as AWS Fargate tasks (the AWS price book has no Cloud Run prices). See
 * {@link KnativePlatform} for the simulation and {@link Kpa} for the autoscaler.
 *
 * <p>Defaults, with their sources:
 * <ul>
 *   <li>{@code containerConcurrency} 80, Cloud Run's default concurrency (SPEC.md §2's example),
 *       lowered for heavy requests to what a task of 1 vCPU — Cloud Run's default size — can hold:
 *       at most 8 GB of requests (Fargate's largest memory for 1 vCPU) and 4 × the vCPU in request
 *       CPU (processor sharing lets requests overlap on a core, up to a fourfold stretch); at
 *       most 1000 (Cloud Run's maximum; Knative's default {@code container-concurrency-max-limit});
 *   <li>{@code targetUtilization} 70 %: Knative's {@code container-concurrency-target-percentage}
 *       (figures.md "Knative"); the autoscaler aims at containerConcurrency × 70 % per instance;
 *   <li>{@code minScale} 0 (scale to zero), {@code maxScale} 100 (SPEC.md §2's example);
 *   <li>{@code cpu} / {@code memory}: a Fargate task size ({@link TaskSizes}); unless given, the
 *       smallest CPU of at least the request's CPU × min(containerConcurrency, 4), and the smallest
 *       memory that holds containerConcurrency × the request's memory;
 *   <li>{@code startTime}: log-normal with median 0.795 s and 95 % range 0.616–1.404 s (sigma =
 *       ln(1.404 / 0.795) / 1.96 = 0.290), the AWS container-image cold start (figures.md "Cold
 *       starts (FaaS)", Shilkov 2021) — the nearest published figure for a container starting
 *       on demand; Fargate tasks often take longer in practice (image pull, ENI attachment), so
 *       set {@code startTime} from your own measurements;
 *   <li>{@code timeout} 300 s: the default request timeout of Cloud Run and Knative
 *       ({@code revision-timeout-seconds}); at most 60 min, Cloud Run's maximum ("Setting request
 *       timeout for services"). Fargate itself has no limit, but a request-driven platform does;
 *   <li>{@code architecture} x86_64 ({@code arm64} takes the book's Fargate Arm rates).
 * </ul>
 *
 * <p>Feasibility: every isolation level is met, since each Fargate task runs in its own
 * Firecracker microVM, a hypervisor boundary (figures.md "Firecracker microVM"; AWS Fargate
 * security documentation). Infeasible: {@code os: windows} (no Windows Fargate prices in the
 * book, and Knative / Cloud Run run Linux containers), {@code os: legacy} (needs re-engineering
 * to run in containers, seed 003), any GPU (Fargate has none), {@code state: stateful} (instances
 * are disposable and scale to zero, so state must live outside), a p99 request duration above
 * the timeout, and a workload no Fargate task size can hold.
 *
 * <p>Billing by the price book's offer ({@link ContainerBillings}): on Cloud Run (the
 * {@code gcp-us-central1} book) request-based by default or instance-based with
 * {@code billing: instance} ({@link CloudRunBilling}); on AWS each instance is a Fargate task billed per second with a one-minute minimum for
 * its vCPU-hours and GB-hours, from creation to stop, cut at the horizon; no request fee. The
 * share of the bill matching CPU utilisation (busy CPU over billed vCPU time) is compute, the
 * rest idle, as the vm and container models split theirs. Energy: billed vCPU-hours at that
 * utilisation plus billed GB-hours ({@link Energy}).
 */
public final class ServerlessContainerModel implements ComputeModel<ServerlessContainerSettings> {
  static final int DEFAULT_CONCURRENCY = 80;
  /** Memory one vCPU's Fargate tasks reach (8 GB) and the CPU stretch processor sharing may cause by default. */
  static final long ONE_VCPU_MAX_MIB = 8L << 10;
  static final int CPU_OVERLAP = 4;

  /** Returns Cloud Run's default concurrency, lowered to what a 1-vCPU task holds for this request. */
  static int defaultConcurrency(Workload w) {
    long byMemory = ONE_VCPU_MAX_MIB / Math.max(1, w.request().memoryMiB());
    long byCpu = CPU_OVERLAP * 1000L / Math.max(1, w.request().cpuMillis());
    return (int) Math.max(1, Math.min(DEFAULT_CONCURRENCY, Math.min(byMemory, byCpu)));
  }
  static final int MAX_CONCURRENCY = 1000;
  static final int DEFAULT_MAX_SCALE = 100;
  static final int SCALE_LIMIT = 100_000;
  static final double DEFAULT_TARGET_UTILIZATION = 70;
  static final Distribution DEFAULT_START_TIME = new LogNormal(Math.log(0.795 * SimTime.NANOS_PER_SECOND), 0.290);
  static final long DEFAULT_TIMEOUT = 300 * SimTime.NANOS_PER_SECOND;
  static final long MAX_TIMEOUT = 60 * SimTime.NANOS_PER_MINUTE;

  @Override
  public String name() {
    return "serverless-container";
  }

  @Override
  public Optional<ServerlessContainerSettings> bind(Optional<Node> node, Workload w, Problems problems) {
    if (node.isEmpty()) {
      return Optional.of(new ServerlessContainerSettings(defaultConcurrency(w), 0, DEFAULT_MAX_SCALE, Optional.empty(),
          OptionalLong.empty(), DEFAULT_TARGET_UTILIZATION, DEFAULT_START_TIME, DEFAULT_TIMEOUT, Architecture.X86_64));
    }
    return Fields.of(node.get(), problems, "models.serverless-container").map(f -> {
      int concurrency = (int) f.integer("containerConcurrency", 1, MAX_CONCURRENCY).orElse(defaultConcurrency(w));
      int min = (int) f.integer("minScale", 0, SCALE_LIMIT).orElse(0);
      int max = (int) f.integer("maxScale", 1, SCALE_LIMIT).orElse(Math.max(min, DEFAULT_MAX_SCALE));
      if (f.has("maxScale") && f.has("minScale") && max < min) {
        problems.add(f.keyMark("maxScale"), "'maxScale' (" + max + ") is below 'minScale' (" + min + ")", "swap them");
      }
      Optional<Integer> cpu = f.parsed("cpu", Units::cpuMillis).flatMap(c -> {
        if (TaskSizes.validCpu(c)) return Optional.of(c);
        problems.add(f.node("cpu").get().mark(), "'cpu' must be a Fargate task size of " + TaskSizes.cpuList()
            + " vCPU, found " + TaskSizes.vcpus(c), "AWS Fargate task definition parameters, task size: e.g. cpu: 1");
        return Optional.empty();
      });
      OptionalLong memory = memory(f, cpu, problems);
      double target = f.decimal("targetUtilization", 1, 100).orElse(DEFAULT_TARGET_UTILIZATION);
      Distribution start = f.node("startTime").flatMap(n -> DistributionSpec.bind(n, "startTime", problems)).orElse(DEFAULT_START_TIME);
      long timeout = f.duration("timeout").orElse(DEFAULT_TIMEOUT);
      if (f.has("timeout") && (timeout < SimTime.NANOS_PER_SECOND || timeout > MAX_TIMEOUT)) {
        problems.add(f.keyMark("timeout"), "'timeout' must be between 1s and 60m (Cloud Run's maximum request timeout)",
            "e.g. timeout: 300s");
      }
      Architecture arch = f.oneOf("architecture", Architecture.names()).flatMap(Architecture::named).orElse(Architecture.X86_64);
      var billing = f.oneOf("billing", List.of("request", "instance")).map(b -> CloudRunPrices.Billing.valueOf(b.toUpperCase(Locale.ROOT)));
      boolean freeTier = f.bool("freeTier").orElse(false);
      f.done();
      return new ServerlessContainerSettings(concurrency, min, Math.max(min, max), cpu, memory, target, start, timeout, arch,
          billing, freeTier);
    });
  }

  private static OptionalLong memory(Fields f, Optional<Integer> cpu, Problems problems) {
    Optional<Long> bytes = f.parsed("memory", Units::memoryBytes);
    if (bytes.isEmpty()) return OptionalLong.empty();
    var mark = f.node("memory").get().mark();
    long b = bytes.get();
    long mib = b >> 20;
    String written = f.string("memory").orElse(Units.formatBytes(b));
    if (b % (1L << 20) != 0 || !TaskSizes.validForSomeCpu(mib)) {
      problems.add(mark, "'memory' " + written + " is not a Fargate task size",
          "Fargate takes 512Mi, 1Gi or 2Gi at 0.25 vCPU, then whole GB: 1–4Gi at 0.5, 2–8Gi at 1, 4–16Gi at 2, 8–30Gi at 4, "
              + "16–60Gi in 4Gi steps at 8, 32–120Gi in 8Gi steps at 16 vCPU");
      return OptionalLong.empty();
    }
    if (cpu.isPresent() && !TaskSizes.valid(cpu.get(), mib)) {
      problems.add(mark, "'memory' " + written + " does not go with cpu " + TaskSizes.vcpus(cpu.get()) + " on Fargate",
          TaskSizes.vcpus(cpu.get()) + " vCPU takes " + TaskSizes.describeMemory(cpu.get())
              + " (AWS Fargate task definition parameters, task size)");
      return OptionalLong.empty();
    }
    return OptionalLong.of(mib);
  }

  /** Returns the task size of the instances for the workload and settings, if any fits. */
  static Optional<TaskSizes.TaskSize> size(Workload w, ServerlessContainerSettings s) {
    return TaskSizes.choose(w.request().cpuMillis(), w.request().memoryBytes(), s.containerConcurrency(), s.cpuMillis(),
        s.memoryMiB());
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, ServerlessContainerSettings s) {
    Workload w = ctx.workload();
    Requirements r = w.requirements();
    List<String> reasons = new ArrayList<>();
    if (r.os().equals("windows")) {
      reasons.add("os: windows is not offered: serverless containers (Knative, Cloud Run) run Linux containers, and price book "
          + ctx.priceBook().label() + " has no Windows Fargate prices");
    }
    if (r.os().equals("legacy")) {
      reasons.add("os: legacy needs re-engineering to run in containers (seed 003 decision table: legacy OS-dependent app)");
    }
    if (r.gpu() > 0) reasons.add("Fargate offers no GPU");
    if (r.state().equals("stateful")) {
      reasons.add("stateful workloads do not fit serverless containers: instances are disposable and scale to zero; "
          + "state must live outside");
    }
    double p99 = w.request().duration().quantileNanos(0.99);
    if (p99 > s.timeoutNanos()) {
      reasons.add(String.format(Locale.ROOT, "requests run too long: p99 duration %s exceeds the request timeout %s "
          + "(timeout; Cloud Run allows up to 60m)", SimTime.format(Math.round(p99)), SimTime.format(s.timeoutNanos())));
    }
    reasons.addAll(ContainerBillings.infeasibleReasons(ctx, s));
    if (size(w, s).isEmpty()) reasons.add(sizeReason(w, s));
    return reasons;
  }

  private static String sizeReason(Workload w, ServerlessContainerSettings s) {
    long need = TaskSizes.neededMemoryMiB(w.request().memoryBytes(), s.containerConcurrency());
    String holds = "containerConcurrency " + s.containerConcurrency() + " × " + Units.formatBytes(w.request().memoryBytes())
        + " = " + TaskSizes.mib(need) + " of requests at once";
    if (s.memoryMiB().isPresent() && s.memoryMiB().getAsLong() < need) {
      return "memory " + TaskSizes.mib(s.memoryMiB().getAsLong()) + " cannot hold " + holds
          + " (an instance would run out of memory at full concurrency); raise memory or lower containerConcurrency";
    }
    if (s.cpuMillis().isPresent()) {
      return "a Fargate task of " + TaskSizes.vcpus(s.cpuMillis().get()) + " vCPU (" + TaskSizes.describeMemory(s.cpuMillis().get())
          + ") cannot hold " + holds + "; raise cpu or lower containerConcurrency";
    }
    return "no Fargate task size holds " + holds + " (the largest is 16 vCPU / 120Gi); lower containerConcurrency";
  }

  @Override
  public ModelResult simulate(RunContext ctx, ServerlessContainerSettings s) {
    return simulate(ctx, s, KnativePlatform.ScaleLog.NONE);
  }

  /** Simulates like {@link #simulate(RunContext, ServerlessContainerSettings)}, reporting each scaling decision to {@code log}. */
  ModelResult simulate(RunContext ctx, ServerlessContainerSettings s, KnativePlatform.ScaleLog log) {
    Workload w = ctx.workload();
    TaskSizes.TaskSize size = size(w, s).orElseThrow();
    long horizon = ctx.horizonNanos();
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(horizon);
    RandomStreams own = ctx.streams().child(name());
    ContainerBilling billing = ContainerBillings.create(ctx, s, size);
    KnativePlatform.Config cfg = new KnativePlatform.Config(s.containerConcurrency(), s.minScale(), s.maxScale(),
        s.targetConcurrency(), size.cpuMillis(), w.request().cpuMillis(), s.timeoutNanos());
    KnativePlatform platform = new KnativePlatform(sim, stats, cfg, s.startTime().sampler(own.stream("start-time")), billing, log);
    RequestDriver.start(sim, ctx, platform, stats, 1.0);
    sim.runUntil(Long.MAX_VALUE);
    stats.unserved(platform.queued());
    platform.closeBilling();

    double billedVcpuSeconds = billing.millicoreSeconds() / 1000.0;
    double busyCoreSeconds = stats.busy.integralSeconds(horizon) / 1000.0;
    double cpuUtil = billedVcpuSeconds <= 0 ? 0 : Math.min(1, busyCoreSeconds / billedVcpuSeconds);
    Cost billed = billing.cost(stats.requests, s.freeTier());
    Cost fees = new Cost(BigDecimal.ZERO, billed.requests(), BigDecimal.ZERO, BigDecimal.ZERO);
    Cost cost = ResultAssembly.splitIdle(billed.compute(), cpuUtil, fees);
    Energy energy = Energy.of(ctx.priceBook().carbon(), Energy.hours(billedVcpuSeconds), cpuUtil,
        Energy.hours(billing.mibSeconds() / 1024.0));
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("instanceStarts", (double) platform.instanceStarts());
    metrics.put("panics", (double) platform.panics());
    metrics.put("peakQueued", (double) platform.peakQueued());
    return ResultAssembly.of(name(), ctx, stats, cost, energy, notes(w, s, size, platform, billing), metrics);
  }

  private static List<String> notes(Workload w, ServerlessContainerSettings s, TaskSizes.TaskSize size, KnativePlatform p,
      ContainerBilling billing) {
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "Knative KPA: containerConcurrency %d, target %s%% (%s requests per instance), "
        + "scale %d-%d; stable window 60s, panic window 6s, scale to zero after 60s without traffic + 30s grace",
        s.containerConcurrency(), trim(s.targetUtilization()), trim(s.targetConcurrency()), s.minScale(), s.maxScale()));
    notes.add("instances: " + billing.instances() + " of " + size.describe() + " " + s.architecture()
        + (s.cpuMillis().isEmpty() || s.memoryMiB().isEmpty() ? " (sized for " + s.containerConcurrency() + " requests of "
            + w.request().cpuMillis() + "m / " + Units.formatBytes(w.request().memoryBytes()) + ")" : "")
        + ", start " + s.startTime().describe() + ", request timeout " + SimTime.format(s.timeoutNanos()));
    long fullSpeed = size.cpuMillis() / w.request().cpuMillis();
    if (fullSpeed == 0) {
      notes.add(String.format(Locale.ROOT, "a request needs %dm CPU, more than an instance's %s vCPU: it runs at %s of full "
          + "speed even alone", w.request().cpuMillis(), TaskSizes.vcpus(size.cpuMillis()),
          trim(size.cpuMillis() / (double) w.request().cpuMillis())));
    } else if (fullSpeed < Math.min(s.containerConcurrency(), s.targetConcurrency())) {
      notes.add(String.format(Locale.ROOT, "requests share the CPU: an instance runs %d at full speed (%s vCPU, %dm each) while the "
          + "autoscaler aims at %s per instance; beyond %d they slow down together (processor sharing)", fullSpeed,
          TaskSizes.vcpus(size.cpuMillis()), w.request().cpuMillis(), trim(s.targetConcurrency()), fullSpeed));
    }
    notes.add(p.instanceStarts() + " instance starts, panic mode entered " + p.panics() + " times, at most " + p.peakQueued()
        + " requests waited at the activator at once");
    return notes;
  }

  private static String trim(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
