package dev.polyvirt.models.container;

import dev.polyvirt.models.RunContext;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Chooses the node type: the one named, else the x86 type with the lowest price per pod slot. */
final class NodeChoice {
  private NodeChoice() {}

  static Optional<NodeShape> choose(RunContext ctx, ContainerSettings s) {
    int gpu = ctx.workload().requirements().gpu();
    return ctx.priceBook().instanceTypes().stream()
        .filter(t -> s.nodeType().map(n -> n.equals(t.name())).orElse(
            t.architecture().name().toLowerCase(Locale.ROOT).startsWith("x86") && (gpu == 0 ? t.gpus() == 0 : t.gpus() >= gpu)))
        .map(t -> NodeShape.of(t, s.cpuRequestMillis(), s.memoryRequestBytes()))
        .filter(n -> n.podsPerNode() > 0)
        .min(Comparator.comparing(NodeShape::pricePerPod).thenComparing(n -> n.type().pricePerHour()));
  }
}
