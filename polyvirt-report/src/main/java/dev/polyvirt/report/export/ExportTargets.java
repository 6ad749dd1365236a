package dev.polyvirt.report.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of export targets: one line per target. */
public final class ExportTargets {
  private static final Map<String, ExportTarget> TARGETS = new LinkedHashMap<>();

  static {
    register(new SamTarget());
    register(new KnativeTarget());
    register(new KubernetesTarget());
    register(new ComposeTarget());
  }

  private ExportTargets() {}

  private static void register(ExportTarget t) {
    TARGETS.put(t.name(), t);
  }

  /** Returns the target called {@code name}, if there is one. */
  public static Optional<ExportTarget> named(String name) {
    return Optional.ofNullable(TARGETS.get(name));
  }

  /** Returns every target's name, in registration order. */
  public static List<String> names() {
    return List.copyOf(TARGETS.keySet());
  }
}
