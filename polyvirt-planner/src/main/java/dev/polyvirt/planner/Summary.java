package dev.polyvirt.planner;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.score.Scorecard;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The few words that say why a workload got its model, for the one-line-per-workload summary. */
final class Summary {
  private Summary() {}

  /** Returns the deciding reason, e.g. "only feasible model", "lowest total cost meeting p99 1s". */
  static String reason(BoundWorkload w, List<ModelResult> results, Decision d) {
    Optional<String> chosen = d.recommendation().model();
    if (chosen.isEmpty()) return "no model can host it";
    long feasible = results.stream().filter(ModelResult::feasible).count();
    if (feasible == 1) return "the only feasible model";
    Optional<Scorecard> card = d.scorecards().stream().filter(c -> c.model().equals(chosen.get())).findFirst();
    if (card.isEmpty() || !card.get().eligible()) return "lowest p99; none meets the target";
    var slo = w.workload().requirements().latencyP99Nanos();
    String target = slo.isPresent() ? " meeting p99 " + SimTime.format(slo.getAsLong()) : "";
    boolean cheapest = d.scorecards().stream().filter(Scorecard::eligible)
        .allMatch(c -> c.criteria().tcoUsdPerMonth() >= card.get().criteria().tcoUsdPerMonth());
    return String.format(Locale.ROOT, "%s%s, score %.2f", cheapest ? "lowest total cost" : "best weighted score", target, card.get().score());
  }
}
