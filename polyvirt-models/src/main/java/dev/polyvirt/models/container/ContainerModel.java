package dev.polyvirt.models.container;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.OfferedLoad;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.container.cgroups.CfsQuota;
import dev.polyvirt.models.container.cgroups.CrashLoopBackOff;
import dev.polyvirt.models.container.images.ImagePuller;
import dev.polyvirt.models.container.images.LayerCache;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import dev.polyvirt.models.vm.InstanceBilling;
import dev.polyvirt.pricing.OperatingSystem;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Requirements;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code container} compute model: pods on a Kubernetes cluster (EKS) whose nodes are EC2
 * VMs. Pods start "in seconds" (seeds 000, 003): 1–5 s uniformly on a node with room, image
 * cached; a pod that needs a new node also waits for that VM's 30–120 s boot (seed 003). Nodes
 * lose 5–10 % to the hypervisor like any VM ({@code hypervisorOverhead} fixes it). Without {@code replicas} or {@code autoscaling} the
 * model autoscales with an HPA at 70 % CPU from 1 pod up to twice the peak's need. A workload with
 * {@code os: windows} runs on a Windows node pool ({@link WindowsNodePool}).
 */
public final class ContainerModel implements ComputeModel<ContainerSettings> {
  private final String name;
  private final RuntimeClass defaultRuntime;
  private final List<String> runtimes;

  /** Creates the {@code container} model: any runtime class, runc by default. */
  public ContainerModel() {
    this("container", RuntimeClasses.runc(), RuntimeClasses.names());
  }

  /**
   * Creates a container platform called {@code name} whose pods run under {@code defaultRuntime}
   * unless {@code runtimeClass} names another of {@code runtimes} (the {@code microvm} model is
   * this platform restricted to hardware-isolated runtimes).
   */
  public ContainerModel(String name, RuntimeClass defaultRuntime, List<String> runtimes) {
    this.name = name;
    this.defaultRuntime = defaultRuntime;
    this.runtimes = List.copyOf(runtimes);
  }

  static final Distribution DEFAULT_POD_START = new Uniform(SimTime.NANOS_PER_SECOND, 5 * SimTime.NANOS_PER_SECOND);
  static final Distribution NODE_BOOT = new Uniform(30 * SimTime.NANOS_PER_SECOND, 120 * SimTime.NANOS_PER_SECOND);
  static final double DEFAULT_TARGET = 70;
  /** Node lost → pods replaced: node-monitor-grace-period 40 s + default tolerationSeconds 300 s (Kubernetes docs, "Taints and Tolerations — taint based evictions"). */
  static final long EVICTION_DELAY = 340 * SimTime.NANOS_PER_SECOND;
  /** Nodes are VMs: each loses 5–10 % to the hypervisor (seed 003), drawn per node. */
  static final double OVERHEAD_MIN = 0.05, OVERHEAD_MAX = 0.10;

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<ContainerSettings> bind(Optional<Node> node, Workload w, Problems problems) {
    if (node.isEmpty()) return Optional.of(settings(w, OptionalInt.empty(), 1, LoadBalancer.SHARED_QUEUE, -1, -1,
        Optional.empty(), DEFAULT_POD_START, Optional.empty(), Double.NaN, defaultRuntime, -1, -1, Optional.empty(),
        java.util.OptionalLong.empty(), Optional.empty(), 0, false));
    return Fields.of(node.get(), problems, "models." + name).map(f -> {
      OptionalInt replicas = opt(f.integer("replicas", 1, 100_000));
      int conc = (int) f.integer("concurrency", 1, 100_000).orElse(1);
      LoadBalancer lb = f.oneOf("loadBalancer", LoadBalancer.names()).map(LoadBalancer::of).orElse(LoadBalancer.SHARED_QUEUE);
      int[] cpu = {-1, -1};
      long[] mem = {-1, -1};
      f.node("resources").flatMap(r -> Fields.of(r, problems, "container resources")).ifPresent(rf -> {
        rf.node("requests").flatMap(q -> Fields.of(q, problems, "resources.requests")).ifPresent(qf -> {
          cpu[0] = qf.parsed("cpu", Units::cpuMillis).orElse(-1);
          mem[0] = qf.parsed("memory", Units::memoryBytes).orElse(-1L);
          qf.done();
        });
        rf.node("limits").flatMap(q -> Fields.of(q, problems, "resources.limits")).ifPresent(qf -> {
          cpu[1] = qf.parsed("cpu", Units::cpuMillis).orElse(-1);
          mem[1] = qf.parsed("memory", Units::memoryBytes).orElse(-1L);
          qf.done();
        });
        rf.done();
      });
      Optional<ContainerSettings.Hpa> hpa = f.node("autoscaling").flatMap(a -> Fields.of(a, problems, "container autoscaling").map(af -> {
        int min = (int) af.integer("minReplicas", 0, 100_000).orElse(1);
        int max = (int) af.integer("maxReplicas", 1, 100_000).orElse(Math.max(min, 10));
        double target = af.decimal("averageUtilization", 1, 100).orElse(DEFAULT_TARGET);
        int queueLength = (int) af.integer("queueLength", 1, 1_000_000).orElse(0);
        if (!af.has("maxReplicas")) problems.add(af.mark(), "autoscaling needs 'maxReplicas'", "as in a Kubernetes HPA, e.g. maxReplicas: 20");
        if (max < min) problems.add(af.keyMark("maxReplicas"), "'maxReplicas' is below 'minReplicas'", "swap them");
        if (min == 0 && queueLength == 0) {
          problems.add(af.keyMark("minReplicas"), "'minReplicas: 0' needs 'queueLength'",
              "a CPU-based HPA cannot scale to zero; scale on the backlog as KEDA does, e.g. queueLength: 5");
        }
        if (queueLength > 0 && af.has("averageUtilization")) {
          problems.add(af.keyMark("averageUtilization"), "'averageUtilization' and 'queueLength' are two different scalers", "keep one");
        }
        af.done();
        return new ContainerSettings.Hpa(min, Math.max(min, max), target, queueLength);
      }));
      Distribution start = f.node("podStart").flatMap(p -> DistributionSpec.bind(p, "podStart", problems)).orElse(DEFAULT_POD_START);
      Optional<String> nodeType = f.string("nodeType");
      double overhead = f.decimal("hypervisorOverhead", 0, 0.9).orElse(Double.NaN);
      RuntimeClass runtime = f.oneOf("runtimeClass", runtimes).flatMap(RuntimeClasses::get).orElse(defaultRuntime);
      Optional<ContainerSettings.Rollout> rollout = f.node("rollout").flatMap(n -> Fields.of(n, problems, "rollout")).flatMap(rf -> {
        java.util.OptionalLong at = rf.duration("at");
        if (!rf.has("at")) problems.add(rf.mark(), "rollout needs 'at'", "when the new version is deployed, e.g. rollout: {at: 14h}");
        String surge = rolloutValue(rf, "maxSurge", problems);
        String unavailable = rolloutValue(rf, "maxUnavailable", problems);
        if (surge.equals("0") && unavailable.equals("0")) {
          problems.add(rf.keyMark("maxUnavailable"), "maxSurge and maxUnavailable cannot both be 0", "allow one pod of either, e.g. maxSurge: 1");
        }
        rf.done();
        return at.isPresent() ? Optional.of(new ContainerSettings.Rollout(at.getAsLong(), new RolloutStrategy(surge, unavailable))) : Optional.empty();
      });
      java.util.OptionalLong failure = f.node("nodeFailure").flatMap(n -> Fields.of(n, problems, "nodeFailure")).map(nf -> {
        java.util.OptionalLong at = nf.duration("at");
        if (!nf.has("at")) problems.add(nf.mark(), "nodeFailure needs 'at'", "when one node is lost, e.g. nodeFailure: {at: 15h}");
        nf.done();
        return at;
      }).orElse(java.util.OptionalLong.empty());
      Optional<ImageSettings> image = f.node("image").flatMap(n -> ImageSettings.bind(n, problems));
      if (f.has("image") && f.has("podStart")) {
        problems.add(f.keyMark("podStart"), "'podStart' and 'image' both set a pod's start", "keep one: with 'image' a pod starts after pull + runtime start + appInit");
      }
      boolean timeline = f.bool("timeline").orElse(false);
      int headroom = (int) f.integer("overprovisioningPods", 0, 100_000).orElse(0);
      Optional<dev.polyvirt.models.container.stateful.StatefulSetSettings> statefulSet = f.node("statefulSet")
          .flatMap(n -> dev.polyvirt.models.container.stateful.StatefulSetSettings.bind(n, problems));
      if (f.has("statefulSet")) {
        for (String key : List.of("replicas", "autoscaling", "rollout", "overprovisioningPods")) {
          if (f.has(key)) problems.add(f.keyMark(key), "'" + key + "' does not apply to a statefulSet",
              "a StatefulSet's size is statefulSet.replicas (no HPA, no rolling update modelled); remove '" + key + "'");
        }
        for (String key : List.of("scheduler", "livenessFailures", "image", "loadBalancer", "timeline")) {
          if (f.has(key)) problems.add(f.keyMark(key), "'" + key + "' is not modelled for a statefulSet",
              "a StatefulSet run places one pod per node and routes each request to its shard's pod; remove '" + key + "'");
        }
      }
      Optional<dev.polyvirt.models.container.scheduling.ScoringPolicy> scoring = f.node("scheduler")
          .flatMap(n -> Fields.of(n, problems, "scheduler")).flatMap(sf -> {
            Optional<String> policy = sf.oneOf("scoring", dev.polyvirt.models.container.scheduling.ScoringPolicies.names());
            if (!sf.has("scoring")) problems.add(sf.mark(), "scheduler needs 'scoring'",
                "the kube-scheduler scoring strategy, e.g. scheduler: {scoring: MostAllocated}");
            sf.done();
            return policy.flatMap(dev.polyvirt.models.container.scheduling.ScoringPolicies::get);
          });
      java.util.OptionalLong mtbf = f.node("livenessFailures").flatMap(n -> Fields.of(n, problems, "livenessFailures")).map(lf -> {
        java.util.OptionalLong m = lf.duration("mtbf");
        if (!lf.has("mtbf")) problems.add(lf.mark(), "livenessFailures needs 'mtbf'", "the mean time between one pod's failures, e.g. mtbf: 24h");
        if (m.isPresent() && m.getAsLong() <= 0) problems.add(lf.keyMark("mtbf"), "'mtbf' must be above 0", "e.g. mtbf: 24h");
        lf.done();
        return m.isPresent() && m.getAsLong() > 0 ? m : java.util.OptionalLong.empty();
      }).orElse(java.util.OptionalLong.empty());
      f.done();
      ContainerSettings bound = settings(w, replicas, conc, lb, cpu[0], mem[0], hpa, start, nodeType, overhead, runtime, cpu[1], mem[1], rollout,
          failure, image, headroom, timeline);
      if (scoring.isPresent()) bound = bound.withScheduler(scoring.get());
      if (mtbf.isPresent()) bound = bound.withLivenessFailures(mtbf.getAsLong());
      return statefulSet.isEmpty() ? bound : bound.withStatefulSet(statefulSet.get());
    });
  }

  /**
   * Node places a scheduled cluster holds: room for twice the most pods the run can ask for (the
   * HPA's maximum or the replicas, surges and replacements on top) plus the over-provisioning.
   */
  private static int nodePlaces(RunContext ctx, ContainerSettings s, NodeShape shape) {
    int sized = OfferedLoad.serversForPeak(ctx, s.concurrency(), s.meanSlowdown(), DEFAULT_TARGET / 100);
    int pods = Math.max(Math.max(s.replicas().orElse(0), s.autoscaling().map(ContainerSettings.Hpa::maxReplicas).orElse(0)), 2 * sized);
    int ppn = Math.max(1, shape.podsPerNode());
    return (2 * pods + s.headroomPods() + 16 + ppn - 1) / ppn + 4;
  }

  private static String rolloutValue(Fields rf, String key, Problems problems) {
    Optional<String> v = rf.string(key);
    if (v.isPresent() && !RolloutStrategy.valid(v.get())) {
      problems.add(rf.node(key).get().mark(), "'" + key + "' must be a pod count or a percentage, found '" + v.get() + "'",
          "as in a Deployment's strategy.rollingUpdate, e.g. " + key + ": 25% or " + key + ": 1");
      return "25%";
    }
    return v.orElse("25%");
  }

  private static ContainerSettings settings(Workload w, OptionalInt replicas, int conc, LoadBalancer lb, int cpu, long mem,
      Optional<ContainerSettings.Hpa> hpa, Distribution start, Optional<String> nodeType, double overhead, RuntimeClass runtime,
      int cpuLimit, long memLimit, Optional<ContainerSettings.Rollout> rollout, java.util.OptionalLong failure,
      Optional<ImageSettings> image, int headroom, boolean timeline) {
    // a pod's requests default to what `concurrency` requests hold at once; the runtime's pod
    // overhead is added for scheduling, as Kubernetes adds RuntimeClass overhead.podFixed
    int cpuReq = cpu > 0 ? cpu : w.request().cpuMillis() * conc;
    long memReq = (mem > 0 ? mem : w.request().memoryBytes() * conc) + runtime.overheadBytes();
    double lo = Double.isNaN(overhead) ? OVERHEAD_MIN : overhead;
    double hi = Double.isNaN(overhead) ? OVERHEAD_MAX : overhead;
    return new ContainerSettings(replicas, conc, lb, cpuReq, memReq, hpa, start, nodeType, lo, hi, runtime, cpuLimit, memLimit, rollout, failure, image, headroom, timeline);
  }

  private static OptionalInt opt(java.util.OptionalLong v) {
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, ContainerSettings s) {
    Requirements r = ctx.workload().requirements();
    List<String> reasons = new ArrayList<>();
    String iso = r.effectiveIsolation();
    RuntimeClass rt = s.runtime();
    if (Requirements.rank(iso) > Requirements.rank(rt.isolation())) {
      String why = rt.name().equals("runc") ? "containers share the host kernel (namespaces and cgroups, seed 003); use vm or microvm"
          : "runtimeClass " + rt.name() + " gives a " + rt.isolation() + " boundary; use kata or firecracker (microvm) for a hypervisor boundary";
      reasons.add("isolation: " + iso + (iso.equals(r.isolation()) ? "" : " (required by " + String.join(", ", r.compliance()) + ")")
          + " is not met: " + why);
    }
    if (s.memoryLimitBytes() > 0 && s.memoryLimitBytes() < ctx.workload().request().memoryBytes()) {
      reasons.add("resources.limits.memory " + Units.formatBytes(s.memoryLimitBytes()) + " is below one request's "
          + Units.formatBytes(ctx.workload().request().memoryBytes()) + ": every request would be OOM-killed (CrashLoopBackOff)");
    }
    if (rt.name().equals("firecracker") && r.gpu() > 0) {
      // Firecracker's minimal device model has no PCI device passthrough (firecracker-microvm/firecracker issue #1179)
      reasons.add("gpu: " + r.gpu() + " is not available to Firecracker microVMs, which have no device passthrough; use runtimeClass: kata");
    }
    if (r.os().equals("legacy")) {
      reasons.add("os: legacy needs re-engineering to run in containers (seed 003 decision table: legacy OS-dependent app)");
    }
    boolean windows = WindowsNodePool.wanted(ctx);
    if (windows) reasons.addAll(WindowsNodePool.reasons(ctx, rt, s.statefulSet().isPresent()));
    if (reasons.isEmpty() && NodeChoice.choose(ctx, s).isEmpty()) {
      reasons.add("no node type in " + ctx.priceBook().label() + " has room for one pod (" + s.cpuRequestMillis() + "m CPU, "
          + Units.formatBytes(s.memoryRequestBytes()) + (r.gpu() > 0 ? ", " + r.gpu() + " GPU" : "") + ")");
    }
    return reasons;
  }

  @Override
  public ModelResult simulate(RunContext ctx, ContainerSettings s) {
    if (s.statefulSet().isPresent()) return StatefulSetRun.simulate(name(), ctx, s, s.statefulSet().get());
    boolean windows = WindowsNodePool.wanted(ctx); // a Windows node pool: licensed nodes, slower to be ready, plus a Linux system node
    NodeShape shape = NodeChoice.choose(ctx, s).orElseThrow();
    Distribution boot = windows ? WindowsNodePool.NODE_READY : NODE_BOOT;
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    RandomStreams own = ctx.streams().child(name());
    InstanceBilling nodeBilling = new InstanceBilling(ctx.priceBook(), shape.type(),
        windows ? OperatingSystem.WINDOWS : OperatingSystem.LINUX, ctx.horizonNanos());
    Nodes nodes = s.scheduler().isEmpty()
        ? new NodePool(sim, shape, boot.sampler(own.stream("node-boot")), nodeBilling, ctx.horizonNanos(),
            own.stream("hypervisor-overhead"), s.overheadMin(), s.overheadMax()).withHeadroom(s.headroomPods())
        : new ScheduledNodePool(sim, shape, s.cpuRequestMillis(), s.memoryRequestBytes(), s.scheduler().get(), 0,
            nodePlaces(ctx, s, shape), boot.sampler(own.stream("node-boot")), nodeBilling, ctx.horizonNanos(),
            own.stream("hypervisor-overhead"), s.overheadMin(), s.overheadMax(), s.headroomPods());
    java.util.BitSet lostPods = new java.util.BitSet(); // pods of a failed node: their places went with it
    ServerPool pods = new ServerPool(sim, stats, s.loadBalancer(), s.concurrency(), new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {
        if (!lostPods.get(server)) nodes.releasePod(server);
      }
    });
    if (s.loadBalancer() == LoadBalancer.RANDOM_TWO_CHOICES) pods.withRandom(own.stream("load-balancer"));
    long requestMemory = ctx.workload().request().memoryBytes();
    int memoryMaxInFlight = s.memoryLimitBytes() > 0 && requestMemory > 0 ? (int) Math.min(Integer.MAX_VALUE, s.memoryLimitBytes() / requestMemory) : 0;
    java.util.Map<Integer, CrashLoopBackOff> backOffs = new java.util.HashMap<>();
    Distribution.Sampler restartStart = s.podStart().sampler(own.stream("restart-start"));
    if (memoryMaxInFlight >= 1 && memoryMaxInFlight < s.concurrency()) {
      // limits.memory holds fewer working sets than `concurrency` requests: the pod is OOM-killed when one more starts,
      // and the kubelet restarts its container after the CrashLoopBackOff delay plus a container start
      pods.withMemoryLimit(memoryMaxInFlight, (server, now) -> {
        CrashLoopBackOff b = backOffs.computeIfAbsent(server, k -> new CrashLoopBackOff());
        long delay = b.crashed(now) + Math.max(0, restartStart.next());
        b.started(now + delay);
        return delay;
      });
    }
    if (s.livenessMtbf().isPresent()) {
      // a hung container: its requests fail; the kubelet restarts it after 3 failed probes 10 s apart, the back-off and a start
      pods.withCrashes((server, now) -> {
        CrashLoopBackOff b = backOffs.computeIfAbsent(server, k -> new CrashLoopBackOff());
        long delay = LivenessFailures.DETECTION + b.crashed(now + LivenessFailures.DETECTION) + Math.max(0, restartStart.next());
        b.started(now + delay);
        return delay;
      });
      new LivenessFailures(sim, pods, s.livenessMtbf().getAsLong(), own.stream("liveness"), ctx.horizonNanos()).start();
    }
    if (s.cpuLimitMillis() > 0) {
      // limits.cpu is a CFS quota: a pod's requests share limit x 100 ms of CPU per period
      double demand = ctx.workload().request().cpuMillis() / 1000.0;
      double limit = s.cpuLimitMillis() / 1000.0;
      pods.withStretch((server, inFlight, service) -> CfsQuota.throttled(service, demand, limit, inFlight));
    }
    Distribution.Sampler podStart = s.podStart().sampler(own.stream("pod-start"));
    int sized = OfferedLoad.serversForPeak(ctx, s.concurrency(), s.meanSlowdown(), DEFAULT_TARGET / 100);
    Optional<ContainerSettings.Hpa> hpa = s.replicas().isPresent() && s.autoscaling().isEmpty() ? Optional.empty()
        : Optional.of(s.autoscaling().orElse(new ContainerSettings.Hpa(1, Math.max(2, 2 * sized), DEFAULT_TARGET)));
    int initial = s.replicas().orElse(hpa.map(h -> Math.max(h.minReplicas(), Math.min(h.maxReplicas(), sized))).orElse(sized));
    // the default pod start (1-5 s) already holds runc's container start; other runtimes add their difference
    RuntimeClass rt = s.runtime();
    long runtimeExtra = Math.max(0, rt.startNanos() - RuntimeClasses.runc().startNanos());
    org.apache.commons.rng.UniformRandomProvider rtRng = own.stream("runtime-slowdown");
    java.util.function.DoubleSupplier runtimeSlowdown = () -> rt.slowdownMin() == rt.slowdownMax() ? rt.slowdownMin()
        : rt.slowdownMin() + (rt.slowdownMax() - rt.slowdownMin()) * rtRng.nextDouble();
    List<Integer> nodeOf = new ArrayList<>(); // the node each pod was placed on
    // with an image: start = pull onto the pod's node (its layer cache) + runtime start + app init
    java.util.Map<Integer, LayerCache> caches = new java.util.HashMap<>();
    Optional<ImagePuller> puller = s.image().map(i -> ImagePuller.of(i.bytesPerSecond(), i.layerLatencyNanos(), i.policy()));
    Optional<Distribution.Sampler> appInit = s.image().map(i -> i.appInit().sampler(own.stream("app-init")));
    long[] neverPulled = {0};
    RollingUpdate.PodFactory addPod = startNanos -> {
      long wait = nodes.placePod(false);
      long pull = 0;
      if (puller.isPresent()) {
        LayerCache cache = caches.computeIfAbsent(nodes.lastNodeId(), k -> new LayerCache(s.image().get().diskBudgetBytes()));
        pull = puller.get().pull(cache, s.image().get().image());
        if (pull < 0) { // imagePullPolicy Never and the image is not on the node: ErrImageNeverPull, the pod never starts
          neverPulled[0]++;
          pull = 1000L * SimTime.NANOS_PER_DAY;
        }
      }
      int server = pods.add(wait + pull + startNanos, nodes.lastSlowdown() * runtimeSlowdown.getAsDouble());
      nodeOf.add(nodes.lastNode());
      return server;
    };
    java.util.function.LongSupplier newPodStart = appInit.isPresent()
        ? () -> rt.startNanos() + Math.max(0, appInit.get().next())
        : () -> Math.max(0, podStart.next()) + runtimeExtra;
    for (int i = 0; i < initial; i++) {
      pods.add(nodes.placePod(true), nodes.lastSlowdown() * runtimeSlowdown.getAsDouble());
      nodeOf.add(nodes.lastNode());
      // pods running at the start have their image on their node already
      s.image().ifPresent(im -> caches.computeIfAbsent(nodes.lastNodeId(), k -> new LayerCache(im.diskBudgetBytes())).use(im.image()));
    }
    int[] lost = {0};
    hpa.ifPresent(h -> {
      if (h.queueLength() > 0) {
        new QueueLengthScaler(sim, stats, pods, h.minReplicas(), h.maxReplicas(), h.queueLength(),
            () -> addPod.create(newPodStart.getAsLong())).start();
      } else {
        new HorizontalPodAutoscaler(sim, stats, pods, h, ctx.workload().request().cpuMillis() / (double) s.cpuRequestMillis(),
            () -> addPod.create(newPodStart.getAsLong())).countingLost(() -> lost[0]).start();
      }
    });
    nodes.start();
    List<long[]> marks = new ArrayList<>();
    Optional<RollingUpdate> rollout = s.rollout().map(r -> {
      RollingUpdate u = new RollingUpdate(sim, pods, r.strategy(), newPodStart, addPod);
      u.startAt(r.atNanos());
      marks.add(new long[] {r.atNanos()});
      return u;
    });
    long[] failure = {-1, 0, -1}; // when, pods lost, when replacements were created
    s.nodeFailureAt().ifPresent(at -> {
      marks.add(new long[] {at});
      sim.at(at, payload -> {
        int node = nodes.loseNode();
        // pods are re-packable onto nodes by count, so the record of who sits where can drift: a node never holds more than its share
        for (int server = 0; server < nodeOf.size() && lost[0] < shape.podsPerNode(); server++) {
          if (nodeOf.get(server) == node && pods.isProvisioned(server)) {
            lostPods.set(server);
            pods.remove(server);
            lost[0]++;
          }
        }
        nodes.forgetPods(lost[0]);
        failure[0] = sim.now();
        failure[1] = lost[0];
        // the ReplicaSet replaces them once they are evicted: node-monitor-grace-period 40 s (kube-controller-manager
        // default), then the not-ready/unreachable tolerationSeconds 300 s that DefaultTolerationSeconds adds to every pod
        sim.after(EVICTION_DELAY, p -> {
          int n = lost[0];
          lost[0] = 0;
          failure[2] = sim.now();
          for (int i = 0; i < n; i++) addPod.create(newPodStart.getAsLong());
        }, 0);
      }, 0);
    });
    Optional<Timeline> timeline = marks.isEmpty() && !s.timeline() ? Optional.empty()
        : Optional.of(new Timeline(sim, pods, nodes::nodes, ctx.horizonNanos(), marks));
    timeline.ifPresent(t -> {
      pods.withLatencyListener(t);
      t.start();
    });
    RequestDriver.start(sim, ctx, pods::submit, stats, 1.0);
    sim.runUntil(Long.MAX_VALUE);
    stats.unserved(pods.queued());
    List<String> notes = new ArrayList<>();
    notes.add(initial + " pod(s) at start" + hpa.map(h -> ", " + (h.queueLength() > 0 ? "KEDA " : "HPA ") + h.minReplicas() + "-"
        + h.maxReplicas() + " at " + (h.queueLength() > 0 ? h.queueLength() + " requests of backlog per pod" : (int) h.averageUtilization() + "% CPU"))
        .orElse(" (fixed)") + ", " + s.concurrency() + " request(s) at once per pod");
    notes.add("nodes: " + shape.type().name() + ", " + shape.podsPerNode() + " pods each; control plane shared by "
        + ctx.containerWorkloads() + " workload(s)");
    s.scheduler().ifPresent(p -> notes.add("pods bound by a kube-scheduler scoring " + p.name()
        + " (not re-packed; a node is removed after 10 min empty)"));
    if (s.headroomPods() > 0) notes.add("over-provisioning: room for " + s.headroomPods() + " pod(s) kept free ahead of need (pause pods)");
    if (!rt.name().equals("runc")) {
      notes.add("runtimeClass " + rt.name() + ": +" + Math.round(rt.overheadMiB() * 10) / 10.0 + " MiB per pod, start "
          + rt.startNanos() / RuntimeClass.MS + " ms, CPU x" + String.format(java.util.Locale.ROOT, "%.3f", rt.meanSlowdown())
          + " (" + rt.source() + ")" + (rt.isolation().equals("hardware") ? "; nodes need KVM (on EC2 .metal or nested virtualisation), priced here as the chosen type" : ""));
    }
    rollout.ifPresent(u -> notes.add("rollout at " + SimTime.format(s.rollout().get().atNanos()) + " of " + u.replicas()
        + " pods, maxUnavailable " + u.maxUnavailable() + (u.finishedAt() < 0 ? ", not finished within the run"
        : ", done in " + SimTime.format(u.finishedAt() - s.rollout().get().atNanos()))));
    if (failure[0] >= 0) {
      notes.add("node lost at " + SimTime.format(failure[0]) + " with " + failure[1] + " pod(s); replacements created "
          + SimTime.format(EVICTION_DELAY) + " later (node-monitor-grace-period 40 s + tolerationSeconds 300 s)");
    }
    boolean oom = memoryMaxInFlight >= 1 && memoryMaxInFlight < s.concurrency();
    s.livenessMtbf().ifPresent(m -> notes.add("liveness failures every " + SimTime.format(m) + " per pod on average: " + pods.crashes()
        + " restart(s), each failing the pod's requests in service; back in 30 s of failed probes + CrashLoopBackOff + a start"));
    if (oom) {
      notes.add("limits.memory holds " + memoryMaxInFlight + " request working set(s) of " + s.concurrency() + ": " + pods.oomKills()
          + " OOM kill(s), each failing the pod's requests and restarting it after CrashLoopBackOff (10 s doubling to 5 min)");
    }
    if (windows) notes.add(WindowsNodePool.note(ctx, shape));
    ModelResult result = ContainerBill.result(name(), ctx, shape, stats, nodeBilling, notes,
        windows ? WindowsNodePool.systemNodes(ctx) : dev.polyvirt.pricing.Cost.ZERO);
    boolean extra = !rt.name().equals("runc") || timeline.isPresent() || puller.isPresent() || oom || s.scheduler().isPresent()
        || s.livenessMtbf().isPresent();
    if (!extra) return result;
    java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>(result.metrics());
    if (!rt.name().equals("runc")) {
      metrics.put("runtimeStartMs", (double) (rt.startNanos() / RuntimeClass.MS));
      metrics.put("runtimeMemoryOverheadMiBPerPod", rt.overheadMiB());
      metrics.put("runtimeCpuSlowdown", rt.meanSlowdown());
    }
    metrics.put("podsPerNode", (double) shape.podsPerNode());
    if (nodes instanceof ScheduledNodePool scheduled) {
      metrics.put("peakNodes", (double) nodes.peakNodes());
      metrics.put("podPendingSecondsMean", nodes.meanPendingSeconds());
      metrics.put("podPendingSecondsMax", nodes.maxPendingSeconds());
      metrics.put("schedulerPendingPods", (double) scheduled.pendingPods());
      metrics.put("schedulerDecisions", (double) scheduled.decisions());
      if (scheduled.unschedulable() > 0) metrics.put("podsUnschedulable", (double) scheduled.unschedulable());
    }
    if (timeline.isPresent()) {
      metrics.put("peakNodes", (double) nodes.peakNodes());
      metrics.put("podPendingSecondsMean", nodes.meanPendingSeconds());
      metrics.put("podPendingSecondsMax", nodes.maxPendingSeconds());
      rollout.ifPresent(u -> {
        metrics.put("rolloutSeconds", u.finishedAt() < 0 ? -1 : SimTime.toSeconds(u.finishedAt() - s.rollout().get().atNanos()));
        metrics.put("rolloutMaxUnavailable", (double) u.maxUnavailable());
      });
      if (failure[0] >= 0) metrics.put("podsLostWithNode", (double) failure[1]);
    }
    if (s.livenessMtbf().isPresent()) {
      metrics.put("livenessRestarts", (double) pods.crashes());
      metrics.put("restartsPerPodDay", pods.crashes() / Math.max(1e-9, stats.instances.mean(ctx.horizonNanos()) * SimTime.toSeconds(ctx.horizonNanos()) / 86_400));
    }
    if (pods.oomKills() > 0 || memoryMaxInFlight >= 1 && memoryMaxInFlight < s.concurrency()) {
      metrics.put("oomKills", (double) pods.oomKills());
    }
    puller.ifPresent(p -> {
      metrics.put("imageColdPulls", (double) p.counts().coldPulls());
      metrics.put("imageCacheHits", (double) p.counts().cacheHits());
      metrics.put("imageColdPullSecondsMean", p.counts().meanColdPullSeconds());
      metrics.put("imagePulledMiB", p.counts().pulledBytes() / (double) (1 << 20));
      if (neverPulled[0] > 0) metrics.put("podsNeverStarted", (double) neverPulled[0]);
    });
    ModelResult out = result.withMetrics(metrics); // keeps the time series and CDF the bill assembled
    return timeline.map(t -> out.withTable("timeline", t.table())).orElse(out);
  }
}
