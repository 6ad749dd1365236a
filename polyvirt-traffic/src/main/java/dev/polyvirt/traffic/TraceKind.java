package dev.polyvirt.traffic;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.traffic.trace.TraceFormats;
import dev.polyvirt.traffic.trace.TraceSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code trace: {format: ..., path: ..., function: ...}}: replay of recorded invocations, read by
 * the format registered in {@link TraceFormats} (azure-functions-2019, azure-functions-2021, csv, swf).
 * Paths are relative to the spec file's folder; {@link #bind(Node, Problems)}, which has no folder,
 * resolves them against the current directory.
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
    return bind(node, Path.of(""), problems);
  }

  @Override
  public Optional<Traffic> bind(Node node, Path baseDir, Problems problems) {
    return TraceSpec.bind(node, baseDir, problems).map(t -> t);
  }
}
