package dev.polyvirt.models.container.stateful;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.Fixed;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Optional;

/**
 * A StatefulSet ({@code models.container.statefulSet}): {@code replicas} pods with stable ordinals,
 * each owning one persistent volume (a shard of the data: a request for shard i can only be
 * served by pod i), one pod per node (pod anti-affinity, as database charts set it), ordinal i in
 * zone {@code i mod zones}, its volume in the same zone for life.
 *
 * @param replicas pods (and volumes)
 * @param orderedReady {@code podManagementPolicy: OrderedReady} (the default): pod i+1 is created only
 *     once pod i is Ready; {@code Parallel} creates all at once
 * @param zones availability zones the pods and volumes spread over
 * @param volumeBytes each volume's size (reported; EBS storage is not billed here)
 * @param attach the time to attach a volume to a node
 * @param forceDetachAfter how long the attach/detach controller waits for an unmount that will never
 *     come (the lost node) before it force-detaches
 * @param appRecovery the database's own recovery before it is Ready (crash recovery, WAL replay)
 */
public record StatefulSetSettings(int replicas, boolean orderedReady, int zones, long volumeBytes, Distribution attach,
    long forceDetachAfter, Distribution appRecovery) {
  /** The policies of {@code podManagementPolicy}, as in the StatefulSet API. */
  public static final List<String> POLICIES = List.of("OrderedReady", "Parallel");
  /**
   * EBS attach of a gp2/gp3 volume through the attach/detach controller: ~10 s, as the
   * controller's log in kubernetes/kubernetes issue #49926 shows (AttachVolume started 10:56:42.07,
   * succeeded 10:56:52.64); drawn uniformly 5–15 s around it.
   */
  static final Distribution DEFAULT_ATTACH = new dev.polyvirt.engine.dist.Uniform(5 * SimTime.NANOS_PER_SECOND, 15 * SimTime.NANOS_PER_SECOND);
  /**
   * The attach/detach controller's {@code ReconcilerMaxWaitForUnmountDuration}: 6 minutes, hard-coded
   * (k8s.io/kubernetes/pkg/controller/volume/attachdetach, DefaultTimerConfig; kubernetes issue
   * #68086 asks to make it configurable). aws-ebs-csi-driver issue #542: after terminating the node
   * of a pod with an EBS volume the replacement "is stuck in ContainerCreating for about 7 minutes"
   * with a Multi-Attach error until the force detach.
   */
  public static final long FORCE_DETACH = 6 * SimTime.NANOS_PER_MINUTE;
  /** Three zones: EKS asks for subnets in at least two AZs and regions have three or more (AWS EKS docs, "VPC and subnet requirements"). */
  static final int DEFAULT_ZONES = 3;

  /** Returns whether the StatefulSet starts pods one at a time in ordinal order. */
  public boolean parallel() {
    return !orderedReady;
  }

  /** Binds {@code statefulSet:}; empty (with problems reported) when it is unusable. */
  public static Optional<StatefulSetSettings> bind(Node node, Problems problems) {
    return Fields.of(node, problems, "statefulSet").flatMap(f -> {
      int replicas = (int) f.integer("replicas", 1, 10_000).orElse(1);
      boolean ordered = f.oneOf("podManagementPolicy", POLICIES).map("OrderedReady"::equals).orElse(true);
      int zones = (int) f.integer("zones", 1, 16).orElse(DEFAULT_ZONES);
      long[] size = {0};
      Distribution[] attach = {DEFAULT_ATTACH};
      long[] detach = {FORCE_DETACH};
      f.node("volume").flatMap(v -> Fields.of(v, problems, "statefulSet volume")).ifPresent(vf -> {
        size[0] = vf.parsed("size", Units::memoryBytes).orElse(0L);
        if (!vf.has("size")) problems.add(vf.mark(), "a volume needs 'size'", "the PersistentVolumeClaim's storage request, e.g. size: 100Gi");
        vf.node("attach").flatMap(a -> DistributionSpec.bind(a, "attach", problems)).ifPresent(d -> attach[0] = d);
        detach[0] = vf.duration("forceDetachAfter").orElse(FORCE_DETACH);
        vf.done();
      });
      if (!f.has("volume")) problems.add(f.mark(), "statefulSet needs 'volume'", "each pod's PersistentVolumeClaim, e.g. volume: {size: 100Gi}");
      Distribution recovery = f.node("appRecovery").flatMap(a -> DistributionSpec.bind(a, "appRecovery", problems)).orElse(new Fixed(0));
      f.done();
      return Optional.of(new StatefulSetSettings(replicas, ordered, zones, size[0], attach[0], detach[0], recovery));
    });
  }
}
