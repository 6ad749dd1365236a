package dev.polyvirt.validation;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.Set;

/** Runs spec text through the planner, the way {@code polyvirt plan} does, for the validation tests. */
final class Sims {
  private Sims() {}

  /** Binds {@code yaml} and plans it on {@code threads} threads, restricted to {@code models} (empty = all). */
  static Plan plan(String yaml, int threads, Set<String> models) {
    try {
      BoundPortfolio p = BoundPortfolio.parse("validation.yaml", yaml, Path.of("."));
      return new Planner(threads, s -> {}).plan(p, models);
    } catch (SpecException e) {
      throw new AssertionError("spec rejected: " + e.getMessage() + "\n" + yaml, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Simulates the single workload of {@code yaml} on {@code model} and returns its figures. */
  static ModelResult.Figures figures(String yaml, String model) {
    ModelResult r = result(yaml, model);
    if (!r.feasible()) throw new AssertionError(model + " infeasible: " + r.infeasibleReasons());
    return r.figures().orElseThrow();
  }

  /** Simulates the single workload of {@code yaml} on {@code model} and returns its result. */
  static ModelResult result(String yaml, String model) {
    Plan plan = plan(yaml, 1, Set.of(model));
    return plan.workloads().get(0).results().stream().filter(r -> r.model().equals(model)).findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + model));
  }
}
