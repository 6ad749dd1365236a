package dev.polyvirt.traffic;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One way of describing a workload's traffic in a spec (the extension point): the key under
 * {@code traffic:} and a binder that turns the value under that key into a {@link Traffic}.
 *
 * <p>Adding a kind is one class implementing this interface plus one line in {@link TrafficKinds}.
 */
public interface TrafficKind {
  /** Returns the key users write under {@code traffic:}, e.g. "poisson". */
  String name();

  /** Binds the value under the kind's key, reporting every problem with its mark; empty when it cannot. */
  Optional<Traffic> bind(Node node, Problems problems);

  /**
   * Binds the value under the kind's key, resolving the files it names against {@code baseDir}
   * (the spec file's folder); kinds that name no files ignore it.
   */
  default Optional<Traffic> bind(Node node, Path baseDir, Problems problems) {
    return bind(node, problems);
  }

  /** Returns true for kinds that generate traffic from parameters rather than replaying a recording. */
  default boolean synthetic() {
    return true;
  }
}
