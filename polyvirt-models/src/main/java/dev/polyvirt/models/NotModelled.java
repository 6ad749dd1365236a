package dev.polyvirt.models;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Optional;

/**
 * A compute model SPEC.md names but this version does not simulate yet. It accepts its settings
 * unread and answers infeasible with the reason "not modelled in this version", so a workload
 * that lists it gets an honest row, never invented figures.
 */
public final class NotModelled implements ComputeModel<Node> {
  private final String name;

  /** Creates the placeholder for model {@code name}. */
  public NotModelled(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Node> bind(Optional<Node> settings, Workload workload, Problems problems) {
    return Optional.of(settings.orElse(new Node.Scalar(null, false, workload.mark())));
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, Node settings) {
    return List.of("not modelled in this version");
  }

  @Override
  public ModelResult simulate(RunContext ctx, Node settings) {
    throw new UnsupportedOperationException(name + " is not modelled in this version");
  }
}
