package dev.polyvirt.models;

/**
 * A compute model with its settings bound for one workload: what the planner runs.
 *
 * @param <S> the model's settings type
 */
public record Candidate<S>(ComputeModel<S> model, S settings) {
  /** Returns the model's name. */
  public String name() {
    return model.name();
  }

  /** Checks feasibility, then simulates; an infeasible candidate gets its reasons and no figures. */
  public ModelResult run(RunContext ctx) {
    var reasons = model.infeasibleReasons(ctx, settings);
    if (!reasons.isEmpty()) return ModelResult.infeasible(name(), reasons);
    return model.simulate(ctx, settings);
  }
}
