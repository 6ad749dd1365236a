package dev.polyvirt.planner.limits;

import dev.polyvirt.models.Candidate;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.NotModelled;
import dev.polyvirt.models.RunContext;
import java.util.List;

/**
 * Decides whether a candidate may run: first the model's hard limits ({@link PlacementLimits}),
 * then — only when those pass — the model's own checks of its settings, so one cause is never
 * reported twice. A model not built yet keeps its one honest reason.
 */
public final class Feasibility {
  private Feasibility() {}

  /** Lists why {@code c} cannot host the context's workload (empty when it can). */
  public static List<String> reasons(Candidate<?> c, RunContext ctx) {
    if (!(c.model() instanceof NotModelled)) {
      List<String> hard = PlacementLimits.reasons(c.name(), ctx.workload(), ctx.priceBook());
      if (!hard.isEmpty()) return hard;
    }
    return c.infeasibleReasons(ctx);
  }

  /** Checks the hard limits, then runs the candidate (which checks its settings and simulates). */
  public static ModelResult run(Candidate<?> c, RunContext ctx) {
    if (!(c.model() instanceof NotModelled)) {
      List<String> hard = PlacementLimits.reasons(c.name(), ctx.workload(), ctx.priceBook());
      if (!hard.isEmpty()) return ModelResult.infeasible(c.name(), hard);
    }
    return c.run(ctx);
  }
}
