package dev.polyvirt.models;

import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Optional;

/**
 * A compute model (vm, container, faas, ...): the extension point for "where could this run".
 * A new model is one class implementing this plus one line in {@link ComputeModels}.
 *
 * @param <S> the model's bound settings (a record)
 */
public interface ComputeModel<S> {
  /** Returns the model's name as specs write it. */
  String name();

  /** Binds the workload's {@code models.<name>} settings (absent means defaults), reporting problems. */
  Optional<S> bind(Optional<Node> settings, Workload workload, Problems problems);

  /** Lists why this model cannot host the workload (empty when it can). */
  List<String> infeasibleReasons(RunContext ctx, S settings);

  /** Simulates the workload on this model and returns its figures. */
  ModelResult simulate(RunContext ctx, S settings);
}
