package dev.polyvirt.models.container;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.container.stateful.OrderedReady;
import dev.polyvirt.models.container.stateful.StatefulSetSettings;
import dev.polyvirt.models.container.stateful.VolumeRecovery;
import dev.polyvirt.models.container.stateful.ZonalNodes;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import dev.polyvirt.models.vm.InstanceBilling;
import dev.polyvirt.pricing.OperatingSystem;
import dev.polyvirt.spec.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A container run of a StatefulSet ({@code statefulSet:}): each ordinal is a shard with its own
 * volume and its own pod (requests spread uniformly over shards; a shard's requests wait in its
 * own queue), one pod per node, pods created in ordinal order. With {@code nodeFailure} the node of
 * pod 0 is lost and pod 0 recovers as {@link VolumeRecovery} lays out; requests for its shard fail
 * until the node is detected NotReady and wait from then until the pod is Ready again.
 */
final class StatefulSetRun {
  private StatefulSetRun() {}

  /** What one run of a StatefulSet did: each ordinal's creation and Ready time, and the recovery, if any. */
  record Outcome(long[] createdAt, long[] readyAt, int[] volumeZone, int[] nodeZone, Optional<VolumeRecovery> recovery,
      int replacementNodeZone, long failed, long delayed) {}

  static ModelResult simulate(String model, RunContext ctx, ContainerSettings s, StatefulSetSettings set) {
    NodeShape shape = NodeChoice.choose(ctx, s).orElseThrow();
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(ctx.horizonNanos());
    RandomStreams own = ctx.streams().child(model).child("stateful-set");
    InstanceBilling billing = new InstanceBilling(ctx.priceBook(), shape.type(), OperatingSystem.LINUX, ctx.horizonNanos());
    int n = set.replicas();
    ZonalNodes layout = new ZonalNodes(n, set.zones());
    ServerPool[] shards = new ServerPool[n];
    Distribution.Sampler attach = set.attach().sampler(own.stream("volume-attach"));
    Distribution.Sampler podStart = s.podStart().sampler(own.stream("pod-start"));
    Distribution.Sampler appRecovery = set.appRecovery().sampler(own.stream("app-recovery"));
    Distribution.Sampler boot = ContainerModel.NODE_BOOT.sampler(own.stream("node-boot"));
    UniformRandomProvider overhead = own.stream("hypervisor-overhead");
    UniformRandomProvider shardOf = own.stream("shard");
    double[] slowdown = new double[n];
    long[] start = new long[n];
    // a runtime other than runc adds its start over runc's (held in podStart) and stretches service by its mean slowdown
    RuntimeClass rt = s.runtime();
    long runtimeExtra = Math.max(0, rt.startNanos() - RuntimeClasses.runc().startNanos());
    for (int i = 0; i < n; i++) {
      int node = layout.placeOnNewNode(i); // nodes are up when the run starts; the volumes are provisioned
      billing.started(node, 0);
      slowdown[i] = rt.meanSlowdown() / (1 - (s.overheadMin() + (s.overheadMax() - s.overheadMin()) * overhead.nextDouble()));
      start[i] = Math.max(0, attach.next()) + Math.max(0, podStart.next()) + runtimeExtra + Math.max(0, appRecovery.next());
      shards[i] = new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, s.concurrency(), new ServerPool.Lifecycle() {
        @Override
        public void started(int server, long now) {}

        @Override
        public void stopped(int server, long now) {}
      });
    }
    long[] created = OrderedReady.createdTimes(0, start, set.orderedReady());
    long[] ready = OrderedReady.readyTimes(0, start, set.orderedReady());
    for (int i = 0; i < n; i++) {
      int pod = i;
      sim.at(created[i], p -> shards[pod].add(start[pod], slowdown[pod]), 0);
    }
    int[] server = new int[n]; // each shard has one pod: server 0 until a replacement
    int[] nodeZone = new int[n];
    for (int i = 0; i < n; i++) nodeZone[i] = layout.zoneOfNode(layout.nodeOfPod(i));
    VolumeRecovery[] recovery = {null};
    int[] replacementZone = {-1};
    s.nodeFailureAt().ifPresent(at -> sim.at(at, p -> {
      int lostNode = layout.nodeOfPod(0);
      int pod = layout.lose(lostNode);
      billing.stopped(lostNode, sim.now());
      // the VM is gone: its pod serves nothing more (its in-flight requests are let finish, an optimistic simplification)
      shards[pod].remove(server[pod]);
      VolumeRecovery r = VolumeRecovery.plan(sim.now(), Math.max(0, boot.next()), set.forceDetachAfter(), Math.max(0, attach.next()),
          Math.max(0, podStart.next()) + runtimeExtra, Math.max(0, appRecovery.next()));
      recovery[0] = r;
      sim.at(r.evictedAt(), q -> {
        // the recreated pod is pending: the cluster autoscaler boots a node in the zone of its volume (node group per zone)
        int node = layout.placeOnNewNode(pod);
        replacementZone[0] = layout.zoneOfNode(node);
        billing.started(node, sim.now());
        server[pod] = shards[pod].add(r.readyAt() - sim.now(), slowdown[pod]);
      }, 0);
    }, 0));
    long[] failed = {0};
    long[] delayed = {0};
    RequestDriver.start(sim, ctx, service -> {
      int shard = n == 1 ? 0 : shardOf.nextInt(n);
      VolumeRecovery r = recovery[0];
      long now = sim.now();
      if (r != null && shard == 0 && now < r.readyAt()) {
        if (now < r.detectedAt()) { // still an endpoint: connections to the dead pod fail
          failed[0]++;
          stats.failed++;
          return;
        }
        delayed[0]++; // no endpoint: the client waits (retries) until the pod is back
      }
      shards[shard].submit(service);
    }, stats, 1.0);
    sim.runUntil(Long.MAX_VALUE);
    int queued = 0;
    for (ServerPool pool : shards) queued += pool.queued();
    stats.unserved(queued);
    Outcome outcome = new Outcome(created, ready, volumeZones(layout, n), nodeZone, Optional.ofNullable(recovery[0]), replacementZone[0],
        failed[0], delayed[0]);
    return result(model, ctx, s, set, shape, stats, billing, outcome);
  }

  private static int[] volumeZones(ZonalNodes layout, int n) {
    int[] z = new int[n];
    for (int i = 0; i < n; i++) z[i] = layout.volumeZone(i);
    return z;
  }

  private static ModelResult result(String model, RunContext ctx, ContainerSettings s, StatefulSetSettings set, NodeShape shape,
      RunStats stats, InstanceBilling billing, Outcome o) {
    int n = set.replicas();
    List<String> notes = new ArrayList<>();
    notes.add("StatefulSet of " + n + " pod(s), one per " + shape.type().name() + " node across " + Math.min(n, set.zones())
        + " zone(s), each with a " + Units.formatBytes(set.volumeBytes()) + " volume (its shard; EBS storage not billed here); "
        + (set.orderedReady() ? "OrderedReady: all Ready after " : "Parallel: all Ready after ") + SimTime.format(max(o.readyAt())));
    o.recovery().ifPresent(r -> notes.add("node of pod-0 lost at " + SimTime.format(r.lostAt()) + ": Ready again after "
        + SimTime.format(r.readyAt() - r.lostAt()) + " (detect 40 s, eviction 300 s, force detach " + SimTime.format(set.forceDetachAfter())
        + " after eviction, attach, start, app recovery); " + o.failed() + " request(s) failed, " + o.delayed() + " waited"));
    ModelResult base = ContainerBill.result(model, ctx, shape, stats, billing, notes);
    Map<String, Double> metrics = new LinkedHashMap<>(base.metrics());
    metrics.put("statefulSetReadySeconds", SimTime.toSeconds(max(o.readyAt())));
    List<List<Object>> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(List.of("pod-" + i, (double) o.volumeZone()[i], (double) o.nodeZone()[i], SimTime.toSeconds(o.createdAt()[i]),
          SimTime.toSeconds(o.readyAt()[i])));
    }
    ModelResult out = new ModelResult(base.model(), base.feasible(), base.infeasibleReasons(), base.figures(), base.notes(), metrics, base.tables())
        .withTable("statefulSet", new ModelResult.Table(List.of("pod", "volumeZone", "nodeZone", "createdAtS", "readyAtS"), pods));
    if (o.recovery().isEmpty()) return out;
    VolumeRecovery r = o.recovery().get();
    metrics.put("recoverySeconds", r.recoverySeconds());
    metrics.put("recoveryDetectSeconds", SimTime.toSeconds(r.detectedAt() - r.lostAt()));
    metrics.put("recoveryVolumeWaitSeconds", SimTime.toSeconds(r.attachedAt() - r.evictedAt()));
    metrics.put("requestsFailedDuringRecovery", (double) o.failed());
    metrics.put("requestsDelayedDuringRecovery", (double) o.delayed());
    metrics.put("replacementNodeZone", (double) o.replacementNodeZone());
    List<List<Object>> steps = new ArrayList<>();
    steps.add(List.of("node lost", 0.0));
    steps.add(List.of("NotReady, out of endpoints", SimTime.toSeconds(r.detectedAt() - r.lostAt())));
    steps.add(List.of("evicted, pod recreated", SimTime.toSeconds(r.evictedAt() - r.lostAt())));
    steps.add(List.of("node ready in the volume's zone", SimTime.toSeconds(r.nodeReadyAt() - r.lostAt())));
    steps.add(List.of("volume force-detached", SimTime.toSeconds(r.detachedAt() - r.lostAt())));
    steps.add(List.of("volume attached", SimTime.toSeconds(r.attachedAt() - r.lostAt())));
    steps.add(List.of("pod Ready", SimTime.toSeconds(r.readyAt() - r.lostAt())));
    return out.withMetrics(metrics).withTable("recovery", new ModelResult.Table(List.of("step", "secondsAfterLoss"), steps));
  }

  private static long max(long[] v) {
    long m = 0;
    for (long x : v) m = Math.max(m, x);
    return m;
  }
}
