package dev.polyvirt.models.container;

import dev.polyvirt.models.CpuCredits;
import dev.polyvirt.models.OfferedLoad;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the node type: the one named, else the x86 type whose node pool is cheapest at the
 * mean load (whole nodes for the pods, plus the CPU credits of burstable types).
 *
 * <p>Pods whose runtime gives {@code hardware} isolation (Firecracker, Kata: one microVM per pod)
 * need {@code /dev/kvm} on the node, so they choose among the book's {@code kvmHosts:} only. On AWS
 * these are the {@code .metal} types: Firecracker's getting-started guide (github.com/
 * firecracker-microvm/firecracker docs/getting-started.md) runs on .metal "because EC2 only supports
 * KVM on .metal instance types", and Kata "requires nested virtualization or bare metal"
 * (kata-containers install/README.md). A metal node is large (96–128 vCPUs), so the cluster packs
 * many microVM pods on few nodes; the same cost-at-mean-load rule picks among them.
 */
public final class NodeChoice {
  private NodeChoice() {}

  static Optional<NodeShape> choose(RunContext ctx, ContainerSettings s) {
    int gpu = ctx.workload().requirements().gpu();
    // os: windows runs on a Windows node pool: fewer pods per node, and each vCPU pays the licence
    boolean windows = WindowsNodePool.wanted(ctx);
    BigDecimal licence = windows ? ctx.priceBook().ec2().windowsLicencePerVcpuHour() : BigDecimal.ZERO;
    return candidates(ctx, s).stream()
        .filter(t -> s.nodeType().map(n -> n.equals(t.name())).orElse(
            t.architecture().name().toLowerCase(Locale.ROOT).startsWith("x86") && (gpu == 0 ? t.gpus() == 0 : t.gpus() >= gpu)))
        .map(t -> windows ? WindowsNodePool.shape(ctx.priceBook(), t, s.cpuRequestMillis(), s.memoryRequestBytes())
            : NodeShape.of(t, s.cpuRequestMillis(), s.memoryRequestBytes()))
        .filter(n -> n.podsPerNode() > 0)
        .min(Comparator.comparing((NodeShape n) -> expectedHourlyCost(ctx, s, n, licence)).thenComparing(n -> n.type().pricePerHour()));
  }

  /** Returns the node type {@link #choose} picks, for models built on the container platform. */
  public static Optional<InstanceType> hostType(RunContext ctx, ContainerSettings s) {
    return choose(ctx, s).map(NodeShape::type);
  }

  /** Returns whether the pods run in microVMs, so their nodes must expose KVM. */
  static boolean needsKvm(ContainerSettings s) {
    return "hardware".equals(s.runtime().isolation());
  }

  /** Returns the node types the pods may use: the book's KVM hosts for microVM pods, else its general types. */
  static List<InstanceType> candidates(RunContext ctx, ContainerSettings s) {
    return needsKvm(s) ? ctx.priceBook().kvmHostTypes() : ctx.priceBook().instanceTypes();
  }

  /**
   * Explains why microVM pods have no node to run on, if so: the book lists no KVM host, or the
   * named {@code nodeType} is not one of them (a sentence without a full stop).
   */
  public static Optional<String> kvmShortfall(RunContext ctx, ContainerSettings s) {
    if (!needsKvm(s)) return Optional.empty();
    List<InstanceType> hosts = ctx.priceBook().kvmHostTypes();
    String label = ctx.priceBook().label();
    if (hosts.isEmpty()) {
      return Optional.of("runtime " + s.runtime().name() + " starts a microVM per pod and needs KVM on the node, but price book "
          + label + " lists no KVM-capable node types (add a kvmHosts: section: .metal types on AWS, nested-virtualization types elsewhere)");
    }
    if (s.nodeType().isPresent() && hosts.stream().noneMatch(t -> t.name().equals(s.nodeType().get()))) {
      return Optional.of("node type " + s.nodeType().get() + " does not expose KVM for " + s.runtime().name() + " microVMs: price book "
          + label + " lists these KVM hosts: " + String.join(", ", hosts.stream().map(InstanceType::name).toList()));
    }
    return Optional.empty();
  }

  /**
   * Estimates the node pool's cost per hour at the mean load: nodes for the pods HPA would keep (at
   * the instance price plus {@code licencePerVcpuHour} × vCPUs), plus CPU credits.
   */
  static BigDecimal expectedHourlyCost(RunContext ctx, ContainerSettings s, NodeShape n, BigDecimal licencePerVcpuHour) {
    double meanErlangs = OfferedLoad.meanErlangs(ctx) * s.meanSlowdown();
    int pods = s.replicas().orElse(OfferedLoad.servers(meanErlangs, s.concurrency(), ContainerModel.DEFAULT_TARGET / 100));
    int nodes = (pods + n.podsPerNode() - 1) / n.podsPerNode();
    double meanCores = meanErlangs * ctx.workload().request().cpuMillis() / 1000.0;
    BigDecimal perNode = licencePerVcpuHour.signum() == 0 ? n.type().pricePerHour()
        : n.type().pricePerHour().add(licencePerVcpuHour.multiply(BigDecimal.valueOf(n.type().vcpus())));
    return perNode.multiply(BigDecimal.valueOf(nodes))
        .add(CpuCredits.surplusPerHour(n.type(), nodes, meanCores, ctx.priceBook().ec2().surplusCreditPerVcpuHour()));
  }
}
