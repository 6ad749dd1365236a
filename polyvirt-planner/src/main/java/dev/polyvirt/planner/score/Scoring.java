package dev.polyvirt.planner.score;

import dev.polyvirt.spec.Requirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scores placements against each other. "Lower is better" criteria (cost, p99, downtime, hours)
 * score best / value, so twice the cost of the cheapest scores 0.5; cold starts score
 * 1 − rate; isolation scores its rank (shared kernel 0, sandbox 0.5, hardware 1); portability
 * its own 0–1 value. The weighted mean of the parts is the score.
 */
public final class Scoring {
  private Scoring() {}

  /**
   * Scores {@code all} placements; the {@code eligible} ones (a subset) are scored against the
   * best eligible value, the others against the same yardstick but never win.
   */
  public static List<Scorecard> score(List<Criteria> all, List<Criteria> eligible, Weights w) {
    List<Criteria> yard = eligible.isEmpty() ? all : eligible;
    double bestCost = min(yard, Criteria::tcoUsdPerMonth);
    double bestP99 = min(yard, Criteria::p99Ms);
    double bestDown = min(yard, c -> 1 - c.availability());
    double bestHours = min(yard, Criteria::opsHoursPerMonth);
    List<Scorecard> out = new ArrayList<>();
    for (Criteria c : all) {
      Map<String, Double> parts = new LinkedHashMap<>();
      parts.put("cost", ratio(bestCost, c.tcoUsdPerMonth()));
      parts.put("latency", ratio(bestP99, c.p99Ms()));
      parts.put("coldStarts", 1 - Math.min(1, c.coldStartRate()));
      parts.put("availability", ratio(bestDown, 1 - c.availability()));
      parts.put("operations", ratio(bestHours, c.opsHoursPerMonth()));
      parts.put("isolation", Requirements.rank(c.isolation()) / 2.0);
      parts.put("portability", c.portability());
      double sum = 0;
      for (Map.Entry<String, Double> e : w.byName().entrySet()) sum += e.getValue() * parts.get(e.getKey());
      out.add(new Scorecard(c, parts, sum / w.sum(), eligible.contains(c), pareto(c, all)));
    }
    return out;
  }

  /** Returns true when no other placement is at least as cheap and as fast, and strictly better in one. */
  static boolean pareto(Criteria c, List<Criteria> all) {
    for (Criteria o : all) {
      if (o == c) continue;
      boolean noWorse = o.tcoUsdPerMonth() <= c.tcoUsdPerMonth() && o.p99Ms() <= c.p99Ms();
      boolean better = o.tcoUsdPerMonth() < c.tcoUsdPerMonth() || o.p99Ms() < c.p99Ms();
      if (noWorse && better) return false;
    }
    return true;
  }

  private static double ratio(double best, double value) {
    if (value <= 0 || best >= value) return 1;
    return Math.max(0, best) / value;
  }

  private static double min(List<Criteria> cs, ToDoubleFunction<Criteria> f) {
    return cs.stream().mapToDouble(f).min().orElse(0);
  }
}
