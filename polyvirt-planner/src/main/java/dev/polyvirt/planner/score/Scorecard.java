package dev.polyvirt.planner.score;

import java.util.Map;

/**
 * A placement's weighted score: each criterion scored 0–1 (1 = best among the workload's
 * eligible models), their weighted mean, and whether it is on the cost–p99 Pareto front.
 *
 * @param parts the criterion scores by {@link Weights#NAMES name}
 * @param eligible whether it serves the workload ({@link dev.polyvirt.models.Eligibility}): only
 *     eligible placements are scored against each other
 * @param pareto whether no other feasible placement is both cheaper (TCO) and faster (p99)
 */
public record Scorecard(Criteria criteria, Map<String, Double> parts, double score, boolean eligible, boolean pareto) {
  /** Returns the model's name. */
  public String model() {
    return criteria.model();
  }
}
