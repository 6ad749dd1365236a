package dev.polyvirt.planner;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.score.Scorecard;
import java.util.ArrayList;
import java.util.List;
import dev.polyvirt.planner.traits.TraitSentences;
import dev.polyvirt.planner.traits.WorkloadTraits;
import dev.polyvirt.pricing.PriceBook;
import java.util.Locale;
import java.util.Optional;

/** The few words that say why a workload got its model, for the one-line-per-workload summary. */
final class Summary {
  private Summary() {}

  /** Returns the deciding reason with the first deciding trait, e.g. "lowest total cost meeting p99 1s, score 0.86; idle 97.1 %". */
  static String reason(BoundWorkload w, List<ModelResult> results, Decision d, WorkloadTraits t, PriceBook book) {
    String base = reason(w, results, d);
    if (d.recommendation().model().isEmpty()) return base;
    String trait = TraitSentences.shortly(t, w.workload(), d.recommendation().model().get(), book);
    return trait.isEmpty() ? base : base + "; " + trait;
  }

  /** Returns the recommendation with the measured traits and the deciding ones inserted after its cost and latency sentences. */
  static Recommendation withTraits(Recommendation r, WorkloadTraits t, BoundWorkload w, PriceBook book) {
    List<String> why = new ArrayList<>(r.rationale());
    int at = Math.min(r.model().isPresent() ? 2 : 1, why.size());
    List<String> add = new ArrayList<>();
    add.add(TraitSentences.measured(t, w.workload(), book));
    r.model().ifPresent(m -> add.addAll(TraitSentences.deciding(t, w.workload(), m, book)));
    why.addAll(at, add);
    return new Recommendation(r.model(), List.copyOf(why));
  }

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
