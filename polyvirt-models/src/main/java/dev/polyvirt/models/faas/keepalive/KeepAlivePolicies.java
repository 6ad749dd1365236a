package dev.polyvirt.models.faas.keepalive;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of keep-alive policies, by the name a spec writes: {@code keepAlive: <name>} for a
 * policy without settings, {@code keepAlive: {<name>: <settings>}} otherwise. One line per policy.
 */
public final class KeepAlivePolicies {
  /** Binds a policy's settings: {@code args} is empty for a bare name; problems are marked at {@code where} when no value carries a mark. */
  @FunctionalInterface
  public interface Kind {
    Optional<KeepAlivePolicy> bind(Optional<Node> args, Mark where, Problems problems);
  }

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("fixed", FixedKeepAlive::bindFixed);
    KINDS.put("none", FixedKeepAlive.preset(FixedKeepAlive.NONE));
    KINDS.put("forever", FixedKeepAlive.preset(FixedKeepAlive.KEEP_FOREVER));
    KINDS.put("aws", FixedKeepAlive.preset(FixedKeepAlive.AWS));
    KINDS.put("azure", FixedKeepAlive.preset(FixedKeepAlive.AZURE));
    KINDS.put("huawei", FixedKeepAlive.preset(FixedKeepAlive.HUAWEI));
    KINDS.put("hybrid", HybridHistogramPolicy::bind);
  }

  private KeepAlivePolicies() {}

  /** Returns the registered names, in registration order. */
  public static List<String> names() {
    return List.copyOf(KINDS.keySet());
  }

  /** Binds a {@code keepAlive:} value, reporting each problem at its mark; empty when it cannot. */
  public static Optional<KeepAlivePolicy> bind(Node node, Problems problems) {
    String hint = "write keepAlive: {fixed: 10m}, keepAlive: none or keepAlive: forever; policies: " + String.join(", ", names());
    if (node instanceof Node.Scalar s) {
      if (s.text() == null || s.text().isBlank()) {
        problems.add(s.mark(), "keepAlive names no policy", hint);
        return Optional.empty();
      }
      return bindNamed(s.text(), Optional.empty(), s.mark(), problems, hint);
    }
    if (!(node instanceof Node.MapNode map)) {
      problems.add(node.mark(), "keepAlive must be a policy name or a mapping holding one policy, found " + node.kind(), hint);
      return Optional.empty();
    }
    List<Node.Entry> entries = new ArrayList<>(map.entries().values());
    if (entries.size() != 1) {
      List<String> given = entries.stream().map(e -> e.key().name()).toList();
      problems.add(entries.isEmpty() ? map.mark() : entries.get(1).key().mark(),
          "keepAlive must hold exactly one policy, found " + given.size() + (given.isEmpty() ? "" : ": " + String.join(", ", given)),
          hint);
      return Optional.empty();
    }
    Node.Entry e = entries.get(0);
    Optional<Node> args = e.value() instanceof Node.Scalar v && v.text() == null ? Optional.empty() : Optional.of(e.value());
    return bindNamed(e.key().name(), args, e.key().mark(), problems, hint);
  }

  private static Optional<KeepAlivePolicy> bindNamed(String name, Optional<Node> args, Mark where, Problems problems, String hint) {
    Kind kind = KINDS.get(name);
    if (kind != null) return kind.bind(args, where, problems);
    String advice = Fields.suggestion(name, names()).map(s -> "did you mean '" + s + "'? ").orElse("");
    if (args.isEmpty() && isDuration(name)) advice = "a bare duration is not a policy: write keepAlive: {fixed: " + name + "}. ";
    problems.add(where, "unknown keep-alive policy '" + name + "'", advice + hint);
    return Optional.empty();
  }

  private static boolean isDuration(String text) {
    try {
      Units.duration(text);
      return true;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }
}
