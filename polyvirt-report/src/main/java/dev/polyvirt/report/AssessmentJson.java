package dev.polyvirt.report;

import dev.polyvirt.planner.Assessment;
import dev.polyvirt.planner.BreakEven;
import dev.polyvirt.planner.DurationFlip;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.tco.Tco;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planner's additions to the JSON result (SPEC.md §3 extended, nothing renamed): under
 * {@code recommendation}, the runner-up, the one-line reason and what would flip the choice;
 * under each feasible result, its {@code planner} scorecard.
 */
final class AssessmentJson {
  private AssessmentJson() {}

  /** Adds the assessment's keys to the workload's {@code recommendation} object. */
  static void recommendation(ObjectNode rec, Assessment a) {
    if (a.scorecards().isEmpty() && a.reason().isEmpty()) return;
    if (a.runnerUp().isPresent()) rec.put("runnerUp", a.runnerUp().get());
    else rec.putNull("runnerUp");
    rec.put("reason", a.reason());
    ArrayNode flips = rec.putArray("whatWouldFlip");
    a.whatWouldFlip().forEach(flips::add);
    a.breakEven().ifPresent(b -> breakEven(rec.putObject("breakEven"), b));
    a.durationFlip().ifPresent(f -> durationFlip(rec.putObject("durationFlip"), f));
    ArrayNode front = rec.putArray("paretoFront");
    a.scorecards().stream().filter(Scorecard::pareto).forEach(c -> front.add(c.model()));
  }

  /** Adds {@code model}'s scorecard, if it has one, to its result object. */
  static void result(ObjectNode n, String model, Assessment a) {
    a.scorecards().stream().filter(c -> c.model().equals(model)).findFirst().ifPresent(c -> {
      ObjectNode p = n.putObject("planner");
      p.put("score", round(c.score(), 4));
      p.put("eligible", c.eligible());
      p.put("pareto", c.pareto());
      p.put("tcoUsdPerMonth", round(c.criteria().tcoUsdPerMonth(), 4));
      p.put("opsHoursPerMonth", round(c.criteria().opsHoursPerMonth(), 4));
      p.put("opsUsdPerMonth", round(c.criteria().opsUsdPerMonth(), 4));
      p.put("availability", round(c.criteria().availability(), 6));
      p.put("isolation", c.criteria().isolation());
      p.put("portability", round(c.criteria().portability(), 4));
      ObjectNode parts = p.putObject("parts");
      c.parts().forEach((k, v) -> parts.put(k, round(v, 4)));
      a.tcoOf(model).ifPresent(t -> tco(p.putObject("tco"), t));
    });
  }

  private static void tco(ObjectNode o, Tco t) {
    o.put("onDemandUsdPerMonth", round(t.onDemandUsdPerMonth(), 4));
    o.put("controlPlaneUsdPerMonth", round(t.controlPlaneUsdPerMonth(), 4));
    ObjectNode options = o.putObject("optionsUsdPerMonth");
    t.optionsUsdPerMonth().forEach((k, v) -> options.put(k, round(v, 4)));
    o.put("opsUsdPerMonth", round(t.opsUsdPerMonth(), 4));
    o.put("bestOption", t.bestOption());
    o.put("threeYearOnDemandUsd", round(t.threeYearOnDemandUsd(), 2));
    o.put("threeYearBestUsd", round(t.threeYearBestUsd(), 2));
    if (!t.spotNote().isEmpty()) o.put("spotNote", t.spotNote());
    o.put("co2eKgPerMonth", round(t.co2eKgPerMonth(), 4));
    o.put("cleanestRegion", t.cleanestRegion());
    o.put("cleanestRegionCo2eKgPerMonth", round(t.cleanestCo2eKgPerMonth(), 4));
    // a workload with dataTransfer: internet egress + cross-zone, in both 3-year figures; absent (0) otherwise, so older output is unchanged
    if (!t.dataTransfer().note().isEmpty()) {
      o.put("dataTransferUsdPerMonth", round(t.dataTransferUsdPerMonth(), 4));
      ObjectNode d = o.putObject("dataTransfer");
      d.put("internetGbPerMonth", round(t.dataTransfer().internetGbPerMonth(), 4));
      d.put("crossZoneGbPerMonth", round(t.dataTransfer().crossZoneGbPerMonth(), 4));
      d.put("note", t.dataTransfer().note());
    }
  }

  private static void breakEven(ObjectNode o, BreakEven b) {
    o.put("faasVs", b.alwaysOn());
    o.put("ratePerSecond", round(b.ratePerSecond(), 4));
    o.put("trafficMultiplier", round(b.multiplier(), 4));
    o.put("costUsdPerMonth", round(b.costUsdPerMonth(), 4));
    o.put("found", b.found());
    o.put("sustained", b.sustained());
    o.put("simulations", b.simulations());
    // the simulated points of the search, by increasing rate (null: the model could not run there)
    ArrayNode steps = o.putArray("steps");
    for (BreakEven.Step s : b.steps()) {
      ObjectNode n = steps.addObject();
      n.put("trafficMultiplier", round(s.multiplier(), 6));
      n.put("ratePerSecond", round(s.ratePerSecond(), 6));
      money(n, "faasUsdPerMonth", s.faasUsdPerMonth());
      n.put("alwaysOn", s.alwaysOn());
      money(n, "alwaysOnUsdPerMonth", s.alwaysOnUsdPerMonth());
      n.put("sustained", s.sustained());
    }
  }

  private static void durationFlip(ObjectNode o, DurationFlip f) {
    o.put("recommended", f.recommended());
    o.put("challenger", f.challenger());
    o.put("durationMultiplier", round(f.multiplier(), 4));
    o.put("found", f.found());
    if (f.found()) o.put("cause", f.cause());
    o.put("p50NowMs", round(f.p50NowMs(), 4));
    money(o, "recommendedUsdPerMonth", f.found() ? f.recommendedUsdPerMonth() : Double.NaN);
    money(o, "challengerUsdPerMonth", f.found() ? f.challengerUsdPerMonth() : Double.NaN);
    o.put("sustained", f.sustained());
    o.put("simulations", f.simulations());
    // the simulated points, by increasing multiplier (null: the model could not run there)
    ArrayNode steps = o.putArray("steps");
    for (DurationFlip.Step s : f.steps()) {
      ObjectNode n = steps.addObject();
      n.put("durationMultiplier", round(s.multiplier(), 6));
      money(n, "recommendedUsdPerMonth", s.recommendedUsdPerMonth());
      money(n, "challengerUsdPerMonth", s.challengerUsdPerMonth());
      n.put("winner", s.winner());
    }
  }

  private static void money(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, round(v, 4));
    else n.putNull(key);
  }

  private static double round(double v, int decimals) {
    if (!Double.isFinite(v)) return 0;
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
