package dev.polyvirt.traffic;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of traffic kinds: binds a workload's {@code traffic:} mapping, which must hold
 * exactly one kind, by handing the value under that kind's key to the kind's binder.
 */
public final class TrafficKinds {
  private static final List<TrafficKind> KINDS = List.of(
      new PoissonKind(),
      new DiurnalKind(),
      new BurstsKind(),
      new ScheduleKind(),
      new MonthlyRequestsKind(),
      new TraceKind());

  private TrafficKinds() {}

  /** Returns the names of every kind, in registration order. */
  public static List<String> names() {
    return KINDS.stream().map(TrafficKind::name).toList();
  }

  /** Returns the names of the kinds that generate traffic from parameters. */
  public static List<String> syntheticNames() {
    return KINDS.stream().filter(TrafficKind::synthetic).map(TrafficKind::name).toList();
  }

  /** Finds the kind registered under {@code name}. */
  public static Optional<TrafficKind> kind(String name) {
    return KINDS.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /**
   * Binds a {@code traffic:} node, reporting each problem with its mark; empty when it cannot.
   * Files a trace names are resolved against the current directory; prefer
   * {@link #bind(Node, Path, Problems)} with the spec file's folder.
   */
  public static Optional<Traffic> bind(Node trafficNode, Problems problems) {
    return bind(trafficNode, Path.of(""), problems);
  }

  /**
   * Binds a {@code traffic:} node, resolving the files it names (trace paths) against
   * {@code baseDir}, the folder of the spec file; reports each problem with its mark.
   */
  public static Optional<Traffic> bind(Node trafficNode, Path baseDir, Problems problems) {
    String valid = String.join(", ", names());
    if (!(trafficNode instanceof Node.MapNode map)) {
      problems.add(trafficNode.mark(), "traffic must be a mapping holding exactly one kind, found " + trafficNode.kind(),
          "write e.g. traffic: {poisson: {ratePerSecond: 0.5}}; kinds: " + valid);
      return Optional.empty();
    }
    List<Node.Entry> entries = new ArrayList<>(map.entries().values());
    if (entries.isEmpty()) {
      problems.add(map.mark(), "traffic names no kind", "add exactly one of: " + valid);
      return Optional.empty();
    }
    if (entries.size() > 1) {
      List<String> given = entries.stream().map(e -> e.key().name()).toList();
      problems.add(entries.get(1).key().mark(),
          "traffic must have exactly one kind, found " + given.size() + ": " + String.join(", ", given),
          "keep one of " + String.join(", ", given) + "; model mixed traffic as separate workloads");
      return Optional.empty();
    }
    Node.Entry entry = entries.get(0);
    String name = entry.key().name();
    Optional<TrafficKind> kind = kind(name);
    if (kind.isEmpty()) {
      problems.add(entry.key().mark(), "unknown traffic kind '" + name + "'",
          Fields.suggestion(name, names()).map(s -> "did you mean '" + s + "'? ").orElse("")
              + "valid kinds: " + valid);
      return Optional.empty();
    }
    return kind.get().bind(entry.value(), baseDir, problems);
  }
}
