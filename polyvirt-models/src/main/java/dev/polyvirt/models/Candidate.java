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

  /** Lists why this candidate cannot host the context's workload (empty when it can). */
  public java.util.List<String> infeasibleReasons(RunContext ctx) {
    return model.infeasibleReasons(ctx, settings);
  }

  /** Checks feasibility, then simulates; an infeasible candidate gets its reasons and no figures. */
  public ModelResult run(RunContext ctx) {
    var reasons = infeasibleReasons(ctx);
    if (!reasons.isEmpty()) return ModelResult.infeasible(name(), reasons);
    return model.simulate(ctx, settings);
  }
}
