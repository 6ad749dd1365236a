package dev.polyvirt.models.container;

import dev.polyvirt.models.CpuCredits;
import dev.polyvirt.models.OfferedLoad;
import dev.polyvirt.models.RunContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the node type: the one named, else the x86 type whose node pool is cheapest at the
 * mean load (whole nodes for the pods, plus the CPU credits of burstable types).
 */
final class NodeChoice {
  private NodeChoice() {}

  static Optional<NodeShape> choose(RunContext ctx, ContainerSettings s) {
    int gpu = ctx.workload().requirements().gpu();
    return ctx.priceBook().instanceTypes().stream()
        .filter(t -> s.nodeType().map(n -> n.equals(t.name())).orElse(
            t.architecture().name().toLowerCase(Locale.ROOT).startsWith("x86") && (gpu == 0 ? t.gpus() == 0 : t.gpus() >= gpu)))
        .map(t -> NodeShape.of(t, s.cpuRequestMillis(), s.memoryRequestBytes()))
        .filter(n -> n.podsPerNode() > 0)
        .min(Comparator.comparing((NodeShape n) -> expectedHourlyCost(ctx, s, n)).thenComparing(n -> n.type().pricePerHour()));
  }

  /** Estimates the node pool's cost per hour at the mean load: nodes for the pods HPA would keep, plus CPU credits. */
  static BigDecimal expectedHourlyCost(RunContext ctx, ContainerSettings s, NodeShape n) {
    double meanErlangs = OfferedLoad.meanErlangs(ctx) * s.meanSlowdown();
    int pods = s.replicas().orElse(OfferedLoad.servers(meanErlangs, s.concurrency(), ContainerModel.DEFAULT_TARGET / 100));
    int nodes = (pods + n.podsPerNode() - 1) / n.podsPerNode();
    double meanCores = meanErlangs * ctx.workload().request().cpuMillis() / 1000.0;
    return n.type().pricePerHour().multiply(BigDecimal.valueOf(nodes))
        .add(CpuCredits.surplusPerHour(n.type(), nodes, meanCores, ctx.priceBook().ec2().surplusCreditPerVcpuHour()));
  }
}
