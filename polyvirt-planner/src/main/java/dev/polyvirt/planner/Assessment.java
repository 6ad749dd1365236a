package dev.polyvirt.planner;

import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.tco.Tco;
import java.util.List;
import java.util.Optional;

/**
 * The planner's reading of one workload beyond the recommendation: every feasible model's
 * scorecard (with the cost–p99 Pareto front marked), the runner-up, a one-line reason, and what
 * would flip the choice.
 *
 * @param reason the deciding reason in a few words, for the one-line summary
 * @param whatWouldFlip sentences naming the traffic, SLO or duration at which the choice changes
 * @param breakEven the searched break-even between FaaS and the cheapest always-on model, if searched
 * @param tco every feasible model's total cost of ownership and carbon, in result order
 * @param durationFlip the searched request-duration multiplier at which the runner-up takes over, if searched
 */
public record Assessment(List<Scorecard> scorecards, Optional<String> runnerUp, String reason, List<String> whatWouldFlip,
    Optional<BreakEven> breakEven, List<Tco> tco, Optional<DurationFlip> durationFlip) {
  public Assessment {
    scorecards = List.copyOf(scorecards);
    whatWouldFlip = List.copyOf(whatWouldFlip);
    tco = List.copyOf(tco);
  }

  /** An assessment without a duration search (the shape before it existed). */
  public Assessment(List<Scorecard> scorecards, Optional<String> runnerUp, String reason, List<String> whatWouldFlip,
      Optional<BreakEven> breakEven, List<Tco> tco) {
    this(scorecards, runnerUp, reason, whatWouldFlip, breakEven, tco, Optional.empty());
  }

  /** Returns {@code model}'s TCO, if it was feasible. */
  public Optional<Tco> tcoOf(String model) {
    return tco.stream().filter(t -> t.model().equals(model)).findFirst();
  }

  /** The assessment of a plan made without one (no scores, no runner-up). */
  public static Assessment none() {
    return new Assessment(List.of(), Optional.empty(), "", List.of(), Optional.empty(), List.of());
  }
}
