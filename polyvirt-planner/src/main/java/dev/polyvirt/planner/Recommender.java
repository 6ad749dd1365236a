package dev.polyvirt.planner;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Eligibility;
import dev.polyvirt.models.ModelResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Planner v0: among the feasible models whose p99 meets the workload's target and that serve
 * (almost) every request, the cheapest per month wins. When none meets the target, the one with
 * the lowest p99 is recommended and the rationale says so. The sentences quote the measured
 * figures that decided.
 */
final class Recommender {
  /** Share of requests a model may leave unserved (failed, throttled, timed out): the shared rule. */
  static final double MAX_LOSS = Eligibility.MAX_LOSS;

  private Recommender() {}

  static Recommendation recommend(BoundWorkload w, List<ModelResult> results) {
    List<ModelResult> feasible = results.stream().filter(ModelResult::feasible).toList();
    List<String> why = new ArrayList<>();
    if (feasible.isEmpty()) {
      why.add("no candidate model can host this workload: " + reasonsOf(results));
      return new Recommendation(Optional.empty(), why);
    }
    OptionalLong slo = w.workload().requirements().latencyP99Nanos();
    List<ModelResult> serving = feasible.stream().filter(r -> loss(r) <= MAX_LOSS).toList();
    List<ModelResult> meeting = serving.stream().filter(r -> meets(r, slo)).toList();
    Comparator<ModelResult> byCost = Comparator.comparingDouble(r -> r.figures().orElseThrow().costUsdPerMonth());
    ModelResult best;
    if (!meeting.isEmpty()) {
      best = meeting.stream().min(byCost).orElseThrow();
      why.add(costSentence(best, meeting, byCost));
      why.add(latencySentence(best, slo));
    } else {
      List<ModelResult> pool = serving.isEmpty() ? feasible : serving;
      best = pool.stream().min(Comparator.comparingDouble(r -> r.figures().orElseThrow().latencyMs().p99())).orElseThrow();
      why.add(String.format(Locale.ROOT, "no feasible model meets the p99 target of %s%s; %s has the lowest p99, %s, at %s/month",
          slo.isPresent() ? SimTime.format(slo.getAsLong()) : "-", serving.isEmpty() ? " while serving every request" : "",
          best.model(), ms(p99(best)), usd(best.figures().orElseThrow().costUsdPerMonth())));
    }
    for (ModelResult r : results) {
      if (r == best) continue;
      if (!r.feasible()) {
        if (!r.infeasibleReasons().equals(List.of("not modelled in this version"))) {
          why.add(r.model() + " is ruled out: " + String.join("; ", r.infeasibleReasons()));
        }
      } else if (loss(r) > MAX_LOSS) {
        why.add(String.format(Locale.ROOT, "%s leaves %.2f %% of requests unserved (failed, throttled or timed out)", r.model(), 100 * loss(r)));
      } else if (!meets(r, slo)) {
        why.add(String.format(Locale.ROOT, "%s misses the p99 target: %s > %s", r.model(), ms(p99(r)), SimTime.format(slo.getAsLong())));
      }
    }
    return new Recommendation(Optional.of(best.model()), why);
  }

  private static String costSentence(ModelResult best, List<ModelResult> meeting, Comparator<ModelResult> byCost) {
    ModelResult.Figures f = best.figures().orElseThrow();
    List<ModelResult> others = meeting.stream().filter(r -> r != best).sorted(byCost).toList();
    String vs = others.isEmpty() ? ", the only model that meets the requirements"
        : "vs " + String.join(", ", others.stream().map(r -> usd(r.figures().orElseThrow().costUsdPerMonth()) + " for " + r.model()).toList());
    return String.format(Locale.ROOT, "%s: %s/month%s", best.model(), usd(f.costUsdPerMonth()), vs.startsWith(",") ? vs : " " + vs);
  }

  private static String latencySentence(ModelResult best, OptionalLong slo) {
    ModelResult.Figures f = best.figures().orElseThrow();
    String target = slo.isPresent() ? " meets the " + SimTime.format(slo.getAsLong()) + " target" : " (no latency target set)";
    String cold = f.coldStarts() > 0 ? String.format(Locale.ROOT, "; %s cold starts", pct(f.coldStartRate())) : "";
    return String.format(Locale.ROOT, "p99 %s%s; %.1f instances on average at %s utilisation%s",
        ms(f.latencyMs().p99()), target, f.avgInstances(), pct(f.utilization()), cold);
  }

  private static boolean meets(ModelResult r, OptionalLong slo) {
    return Eligibility.of(r.figures().orElseThrow(), slo).latencyOk();
  }

  private static double p99(ModelResult r) {
    return r.figures().orElseThrow().latencyMs().p99();
  }

  private static double loss(ModelResult r) {
    return Eligibility.of(r.figures().orElseThrow(), OptionalLong.empty()).loss();
  }

  private static String reasonsOf(List<ModelResult> results) {
    return String.join("; ", results.stream().map(r -> r.model() + " (" + String.join(", ", r.infeasibleReasons()) + ")").toList());
  }

  static String usd(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "$%,.0f" : "$%,.2f", v);
  }

  static String ms(double millis) {
    if (millis >= 120_000) return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.0f ms", millis);
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, fraction < 0.001 && fraction > 0 ? "%.3f %%" : "%.1f %%", 100 * fraction);
  }
}
