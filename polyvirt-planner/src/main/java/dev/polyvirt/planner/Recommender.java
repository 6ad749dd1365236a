package dev.polyvirt.planner;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.Eligibility;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.score.Criteria;
import dev.polyvirt.planner.score.OpsEffort;
import dev.polyvirt.planner.score.PlannerSettings;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.score.Scoring;
import dev.polyvirt.planner.score.Weights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Picks one model per workload. Only feasible models that serve (almost) every request and meet
 * the p99 target compete (the shared {@link Eligibility} rule); among them the highest weighted
 * score wins ({@link Scoring}: total cost of ownership first, then latency, cold starts,
 * availability, operations, isolation, portability), and the next best is the runner-up. With
 * cost-only weights and no labour rate ({@link #COST_ONLY}) this is planner v0: the cheapest
 * eligible model. When none meets the target, the one with the lowest p99 is recommended and the
 * rationale says so. The sentences quote the measured figures that decided.
 */
final class Recommender {
  /** Share of requests a model may leave unserved (failed, throttled, timed out): the shared rule. */
  static final double MAX_LOSS = Eligibility.MAX_LOSS;
  /** Weights that reproduce planner v0: the bill alone decides. */
  static final PlannerSettings COST_ONLY =
      new PlannerSettings(new Weights(1, 0, 0, 0, 0, 0, 0), 0, OpsEffort.defaults(), false);

  private Recommender() {}

  /** Recommends by the v0 rule (cheapest eligible model). */
  static Recommendation recommend(BoundWorkload w, List<ModelResult> results) {
    return decide(w, results, COST_ONLY, 1).recommendation();
  }

  /** Recommends by {@code settings}' weights; {@code clusterTenants} workloads share a Kubernetes cluster. */
  static Decision decide(BoundWorkload w, List<ModelResult> results, PlannerSettings settings, int clusterTenants) {
    return decide(w, results, settings, clusterTenants, Optional.empty());
  }

  /** Decides as above, adding to each cost the front door {@code book} prices for a public workload (seed 002 §6.3). */
  static Decision decide(BoundWorkload w, List<ModelResult> results, PlannerSettings settings, int clusterTenants,
      Optional<dev.polyvirt.pricing.PriceBook> book) {
    List<ModelResult> feasible = results.stream().filter(ModelResult::feasible).toList();
    List<String> why = new ArrayList<>();
    if (feasible.isEmpty()) {
      why.add("no candidate model can host this workload: " + reasonsOf(results));
      return new Decision(new Recommendation(Optional.empty(), why), List.of(), Optional.empty());
    }
    OptionalLong slo = w.workload().requirements().latencyP99Nanos();
    boolean stateful = w.workload().requirements().state().equals("stateful");
    List<ModelResult> serving = feasible.stream().filter(r -> loss(r) <= MAX_LOSS).toList();
    List<ModelResult> meeting = serving.stream().filter(r -> meets(r, slo)).toList();
    Map<ModelResult, Criteria> criteria = new LinkedHashMap<>();
    for (ModelResult r : feasible) {
      double frontDoor = book.map(b -> dev.polyvirt.planner.patterns.FrontDoor.ownUsdPerMonth(r, w.workload().requirements(),
          w.workload().dataTransfer(), w.horizonNanos(), b, settings.patterns())).orElse(0.0);
      double transfer = book.map(b -> dev.polyvirt.planner.tco.DataTransferBill.of(r, w.workload().dataTransfer(), b, w.horizonNanos())
          .usdPerMonth()).orElse(0.0);
      criteria.put(r, Criteria.of(r, settings, clusterTenants, stateful).withFrontDoor(frontDoor).withDataTransfer(transfer));
    }
    List<Scorecard> cards = Scoring.score(List.copyOf(criteria.values()),
        meeting.stream().map(criteria::get).toList(), settings.weights());
    Map<String, Scorecard> byModel = new LinkedHashMap<>();
    cards.forEach(c -> byModel.put(c.model(), c));
    Comparator<ModelResult> byScore = Comparator.comparingDouble((ModelResult r) -> -byModel.get(r.model()).score())
        .thenComparingDouble(r -> r.figures().orElseThrow().costUsdPerMonth());
    ModelResult best;
    Optional<String> runnerUp;
    if (!meeting.isEmpty()) {
      List<ModelResult> ranked = meeting.stream().sorted(byScore).toList();
      best = ranked.get(0);
      runnerUp = ranked.size() > 1 ? Optional.of(ranked.get(1).model()) : Optional.empty();
      boolean costOnly = settings.opsRatePerHour() == 0 && settings.weights().cost() == settings.weights().sum();
      why.add(costOnly || ranked.size() == 1
          ? costSentence(best, meeting, Comparator.comparingDouble(r -> r.figures().orElseThrow().costUsdPerMonth()))
          : scoreSentence(best, ranked, byModel, settings));
      why.add(latencySentence(best, slo));
    } else {
      List<ModelResult> pool = serving.isEmpty() ? feasible : serving;
      List<ModelResult> ranked = pool.stream().sorted(Comparator.comparingDouble(r -> r.figures().orElseThrow().latencyMs().p99())).toList();
      best = ranked.get(0);
      runnerUp = ranked.size() > 1 ? Optional.of(ranked.get(1).model()) : Optional.empty();
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
    return new Decision(new Recommendation(Optional.of(best.model()), why), cards, runnerUp);
  }

  /** States the winner's score and total cost of ownership against the others that qualify. */
  private static String scoreSentence(ModelResult best, List<ModelResult> ranked, Map<String, Scorecard> cards, PlannerSettings s) {
    Criteria c = cards.get(best.model()).criteria();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s scores %.2f: %s/month in total (%s bill%s + %.1f h of operations at %s/h)",
        best.model(), cards.get(best.model()).score(), usd(c.tcoUsdPerMonth()), usd(c.infraUsdPerMonth()) + frontDoor(c), dataTransfer(c),
        c.opsHoursPerMonth(), usd(s.opsRatePerHour())));
    List<ModelResult> others = ranked.subList(1, ranked.size());
    if (others.isEmpty()) return b.append(", the only model that meets the requirements").toString();
    b.append(" vs ");
    b.append(String.join(", ", others.stream().map(r -> {
      Scorecard o = cards.get(r.model());
      return String.format(Locale.ROOT, "%s %.2f (%s = %s + %.1f h)", r.model(), o.score(), usd(o.criteria().tcoUsdPerMonth()),
          usd(o.criteria().infraUsdPerMonth()) + frontDoor(o.criteria()) + dataTransfer(o.criteria()), o.criteria().opsHoursPerMonth());
    }).toList()));
    return b.toString();
  }

  /** Names the front door's share of a total, when the workload has one. */
  private static String frontDoor(Criteria c) {
    return c.frontDoorUsdPerMonth() > 0 ? " + " + usd(c.frontDoorUsdPerMonth()) + " front door" : "";
  }

  private static String dataTransfer(Criteria c) {
    return c.dataTransferUsdPerMonth() > 0 ? " + " + usd(c.dataTransferUsdPerMonth()) + " data transfer" : "";
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
