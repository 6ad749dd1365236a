package dev.polyvirt.traffic;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;

/**
 * {@code trace: {format: ..., path: ...}}: replay of recorded invocations. Recognised so that
 * specs written for later versions fail with a clear message; trace formats arrive later, each
 * as a reader behind this kind, without touching the registry's other kinds.
 */
final class TraceKind implements TrafficKind {
  @Override
  public String name() {
    return "trace";
  }

  @Override
  public boolean synthetic() {
    return false;
  }

  @Override
  public Optional<Traffic> bind(Node node, Problems problems) {
    problems.add(node.mark(), "trace replay is not supported in this version",
        "describe the traffic with a synthetic kind instead: " + String.join(", ", TrafficKinds.syntheticNames()));
    return Optional.empty();
  }
}
