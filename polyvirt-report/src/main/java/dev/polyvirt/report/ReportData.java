package dev.polyvirt.report;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BreakEven;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data behind report.html's charts, one JSON object embedded in the page: per workload its
 * chosen model and p99 target, per simulated model its monthly cost split, p99, Pareto flag,
 * latency CDF and time series, the break-even search's points (when it ran), and per named
 * table its chart columns. The page's script draws
 * every chart from this object alone, so a test can check each chart's data without a browser.
 */
final class ReportData {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ReportData() {}

  /** Returns the chart data of the plan as compact JSON, safe to embed in a script element. */
  static String json(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode workloads = root.putArray("workloads");
    for (WorkloadPlan w : plan.workloads()) workload(workloads.addObject(), w);
    // "</script" or "<!--" in a name would end or confuse the script element; "<" only occurs in
    // strings, where JSON allows its escape
    return MAPPER.writeValueAsString(root).replace("<", "\\u003c");
  }

  /** Returns the element id of a workload's section (its charts' ids start with it). */
  static String id(WorkloadPlan w) {
    return "w-" + w.workload().workload().name();
  }

  private static void workload(ObjectNode n, WorkloadPlan w) {
    n.put("id", id(w));
    n.put("name", w.workload().workload().name());
    if (w.recommendation().model().isPresent()) n.put("chosen", w.recommendation().model().get());
    else n.putNull("chosen");
    var target = w.workload().workload().requirements().latencyP99Nanos();
    if (target.isPresent()) n.put("p99TargetMs", target.getAsLong() / 1e6);
    else n.putNull("p99TargetMs");
    List<ModelResult> results = w.results();
    List<Boolean> front = ParetoFront.flags(results);
    var cards = w.assessment().scorecards();
    ArrayNode models = n.putArray("models");
    for (int i = 0; i < results.size(); i++) {
      ModelResult r = results.get(i);
      if (r.figures().isEmpty()) continue;
      // the planner's scorecard, when it scored the model: its Pareto front is of total cost of ownership
      // (the bill plus operations labour) against p99, the same cost the recommendation weighs
      var card = cards.stream().filter(c -> c.model().equals(r.model())).findFirst();
      ObjectNode m = models.addObject();
      model(m, r, card.map(c -> c.pareto()).orElse(front.get(i)));
      m.put("tcoPerMonth", card.map(c -> c.criteria().tcoUsdPerMonth()).orElse(r.figures().get().costUsdPerMonth()));
    }
    w.assessment().breakEven().filter(b -> !b.steps().isEmpty()).ifPresent(b -> breakEven(n.putObject("breakEven"), w, b));
    w.assessment().durationFlip().filter(f -> f.steps().size() > 1).ifPresent(f -> durationFlip(n.putObject("durationFlip"), f));
    ArrayNode tables = n.putArray("tables");
    int k = 0;
    for (ModelResult r : results) {
      for (var e : r.tables().entrySet()) table(tables, id(w) + "-t" + k++, r.model() + " · " + e.getKey(), e.getValue());
    }
  }

  private static void model(ObjectNode m, ModelResult r, boolean pareto) {
    ModelResult.Figures f = r.figures().get();
    m.put("model", r.model());
    m.put("pareto", pareto);
    m.put("p99Ms", f.latencyMs().p99());
    m.put("coldStartRate", f.coldStartRate());
    ObjectNode cost = m.putObject("costPerMonth");
    cost.put("total", f.costUsdPerMonth());
    // the split is of the simulated span; scale each part to the month as costUsdPerMonth scales the total
    BigDecimal total = f.costUsd().total();
    ModelResult.CostUsd c = f.costUsd();
    cost.put("compute", monthly(c.compute(), total, f.costUsdPerMonth()));
    cost.put("requests", monthly(c.requests(), total, f.costUsdPerMonth()));
    cost.put("idle", monthly(c.idle(), total, f.costUsdPerMonth()));
    cost.put("other", monthly(c.other(), total, f.costUsdPerMonth()));
    if (!r.latencyCdf().isEmpty()) {
      ObjectNode cdf = m.putObject("latencyCdf");
      ArrayNode fr = cdf.putArray("fraction");
      ArrayNode ms = cdf.putArray("ms");
      for (ModelResult.CdfPoint p : r.latencyCdf()) {
        fr.add(p.fraction());
        ms.add(p.ms());
      }
    }
    if (r.series().buckets() > 0) JsonReport.series(m.putObject("series"), r.series());
    if (r.hostHeatMap().buckets() > 0) JsonReport.hostHeatMap(m.putObject("hostHeatMap"), r.hostHeatMap());
  }

  /**
   * The break-even search's simulated points (rate → FaaS and cheapest always-on bill per month), the
   * workload's own mean rate and the break-even found, drawn as cost against rate. A bill the model
   * could not produce (it could not run at that rate) is null.
   */
  private static void breakEven(ObjectNode o, WorkloadPlan w, BreakEven b) {
    o.put("faasVs", b.alwaysOn());
    o.put("found", b.found());
    o.put("ratePerSecond", b.ratePerSecond());
    o.put("costPerMonth", b.costUsdPerMonth());
    o.put("currentRate", w.workload().traffic().meanRatePerSecond(w.workload().horizonNanos()));
    o.put("sustained", b.sustained());
    ArrayNode rate = o.putArray("rate");
    ArrayNode faas = o.putArray("faas");
    ArrayNode alwaysOn = o.putArray("alwaysOn");
    ArrayNode model = o.putArray("alwaysOnModel");
    for (BreakEven.Step s : b.steps()) {
      rate.add(s.ratePerSecond());
      bill(faas, s.faasUsdPerMonth());
      bill(alwaysOn, s.alwaysOnUsdPerMonth());
      model.add(s.alwaysOn());
    }
    // the plan's own simulations at the workload's own traffic: where the curves stand today
    ObjectNode now = o.putObject("now");
    cost(w, "faas").ifPresent(c -> now.put("faas", c));
    w.results().stream().filter(r -> dev.polyvirt.planner.whatif.BreakEvenSearch.ALWAYS_ON.contains(r.model()) && r.figures().isPresent())
        .min(java.util.Comparator.comparingDouble(r -> r.figures().get().costUsdPerMonth())).ifPresent(r -> {
          now.put("alwaysOn", r.figures().get().costUsdPerMonth());
          now.put("alwaysOnModel", r.model());
        });
  }

  /**
   * The duration search's simulated points (duration multiplier → the recommended model's and the
   * runner-up's total cost a month), and the flip found, drawn as cost against the multiplier.
   */
  private static void durationFlip(ObjectNode o, dev.polyvirt.planner.DurationFlip f) {
    o.put("recommended", f.recommended());
    o.put("challenger", f.challenger());
    o.put("found", f.found());
    o.put("multiplier", f.multiplier());
    o.put("p50NowMs", f.p50NowMs());
    ArrayNode k = o.putArray("k");
    ArrayNode rec = o.putArray("recommendedCost");
    ArrayNode chal = o.putArray("challengerCost");
    ArrayNode winner = o.putArray("winner");
    for (dev.polyvirt.planner.DurationFlip.Step s : f.steps()) {
      k.add(s.multiplier());
      bill(rec, s.recommendedUsdPerMonth());
      bill(chal, s.challengerUsdPerMonth());
      winner.add(s.winner());
    }
  }


  private static java.util.Optional<Double> cost(WorkloadPlan w, String model) {
    return w.results().stream().filter(r -> r.model().equals(model)).findFirst().flatMap(ModelResult::figures)
        .map(ModelResult.Figures::costUsdPerMonth);
  }

  private static void bill(ArrayNode a, double v) {
    if (Double.isFinite(v)) a.add(v);
    else a.addNull();
  }

  private static double monthly(BigDecimal part, BigDecimal total, double perMonth) {
    if (total.signum() == 0) return 0;
    return part.divide(total, MathContext.DECIMAL64).multiply(BigDecimal.valueOf(perMonth))
        .setScale(6, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Adds a named table's chart columns (numbers only) against its first column, with its notable rows. */
  private static void table(ArrayNode tables, String id, String title, ModelResult.Table t) {
    List<String> charted = t.chart().stream().filter(c -> Tables.numeric(t, t.indexOf(c))).toList();
    if (charted.isEmpty() || t.rows().isEmpty()) return;
    ObjectNode n = tables.addObject();
    n.put("id", id);
    n.put("title", title);
    n.put("x", t.columns().get(0));
    ArrayNode labels = n.putArray("labels");
    t.rows().forEach(r -> labels.add(Tables.cell(r.get(0))));
    ArrayNode notable = n.putArray("highlight");
    for (int k = 0; k < t.rows().size(); k++) notable.add(t.highlighted(k));
    ArrayNode charts = n.putArray("charts");
    for (String c : charted) {
      ObjectNode chart = charts.addObject();
      chart.put("column", c);
      ArrayNode values = chart.putArray("values");
      int i = t.indexOf(c);
      t.rows().forEach(r -> values.add((Double) r.get(i)));
    }
  }
}
