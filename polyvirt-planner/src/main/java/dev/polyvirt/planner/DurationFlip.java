package dev.polyvirt.planner;

import java.util.List;

/**
 * The request-duration multiplier at which the recommended model loses to the runner-up, found
 * by simulating both with every request's service time scaled (bracketing on ×3 steps, then
 * bisection on a log scale) and re-scoring them by the planner's rule.
 *
 * @param recommended the model recommended at today's durations
 * @param challenger the runner-up, which wins past the flip
 * @param multiplier the duration multiplier of the flip (the geometric middle of the last
 *     bracket); when not found, the furthest multiplier searched
 * @param found false when the recommendation held over the whole range searched
 * @param cause why the recommended model lost at the flip: {@code score} (the weighted score,
 *     mostly cost), {@code latency} (p99 target missed), {@code loss} (requests left unserved) or
 *     {@code infeasible} (a hard limit, e.g. FaaS's maximum duration)
 * @param p50NowMs the workload's median request duration today, in milliseconds
 * @param recommendedUsdPerMonth the recommended model's total cost of ownership a month just past the flip (NaN if it could not run)
 * @param challengerUsdPerMonth the challenger's there
 * @param simulations how many simulations the search ran
 * @param sustained true when a heavy workload was simulated as a steady Poisson stream at its mean rate
 * @param steps every multiplier simulated, by increasing multiplier
 */
public record DurationFlip(String recommended, String challenger, double multiplier, boolean found, String cause,
    double p50NowMs, double recommendedUsdPerMonth, double challengerUsdPerMonth, int simulations, boolean sustained, List<Step> steps) {
  public DurationFlip {
    steps = List.copyOf(steps);
  }

  /**
   * One simulated multiplier.
   *
   * @param multiplier the duration multiplier
   * @param recommendedUsdPerMonth the recommended model's total cost of ownership a month there (NaN if it could not run)
   * @param challengerUsdPerMonth the challenger's (NaN if it could not run)
   * @param winner which of the two the planner's rule picks there
   */
  public record Step(double multiplier, double recommendedUsdPerMonth, double challengerUsdPerMonth, String winner) {}
}
