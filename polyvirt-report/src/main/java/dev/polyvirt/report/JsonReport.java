package dev.polyvirt.report;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON result of SPEC.md §3. Fields keep the contract's names and order; extras (horizon,
 * traffic, notes, each model's own named metrics such as {@code idleMemoryGbHours}, and its named
 * tables under {@code "tables"} as arrays of row objects, present only when a model attached
 * some) are additions. With detail ({@code simulate}, {@code plan --detail}) each simulated result
 * also carries {@code "series"} (its time series in equal buckets) and {@code "latencyCdf"}
 * (fractions and latencies of its CDF); {@code plan} leaves them out by default so results.json
 * stays small for portfolios of a thousand functions. Numbers are rounded for reading — money to 1e-6 USD, latency to 1 µs —
 * the same way every run, so equal inputs give byte-identical files.
 */
public final class JsonReport {
  /** The polyvirt version written into every result. */
  public static final String VERSION = "1.0.0";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonReport() {}

  /** Renders the plan as pretty-printed JSON, without time series and latency CDFs. */
  public static String render(Plan plan) {
    return render(plan, false);
  }

  /** Renders the plan as pretty-printed JSON, with each result's time series and latency CDF when {@code detail}. */
  public static String render(Plan plan, boolean detail) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("polyvirt", VERSION);
    root.put("spec", plan.portfolio().portfolio().name());
    root.put("seed", plan.portfolio().portfolio().seed());
    root.put("priceBook", plan.portfolio().priceBook().label());
    root.put("horizon", SimTime.format(plan.portfolio().portfolio().horizonNanos()));
    ArrayNode workloads = root.putArray("workloads");
    for (WorkloadPlan w : plan.workloads()) {
      ObjectNode wn = workloads.addObject();
      wn.put("name", w.workload().workload().name());
      wn.put("traffic", w.workload().traffic().describe());
      ObjectNode rec = wn.putObject("recommendation");
      if (w.recommendation().model().isPresent()) rec.put("model", w.recommendation().model().get());
      else rec.putNull("model");
      ArrayNode why = rec.putArray("rationale");
      w.recommendation().rationale().forEach(why::add);
      AssessmentJson.recommendation(rec, w.assessment());
      ArrayNode results = wn.putArray("results");
      for (ModelResult r : w.results()) {
        ObjectNode rn = results.addObject();
        result(rn, r, detail);
        AssessmentJson.result(rn, r.model(), w.assessment());
      }
    }
    dev.polyvirt.planner.Aggregates aggregates = plan.aggregates();
    if (!aggregates.isEmpty()) AggregatesReport.json(root.putArray("aggregates"), aggregates);
    PatternsReport.json(root, plan);
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static void result(ObjectNode n, ModelResult r, boolean detail) {
    n.put("model", r.model());
    n.put("feasible", r.feasible());
    ArrayNode reasons = n.putArray("infeasibleReasons");
    r.infeasibleReasons().forEach(reasons::add);
    if (r.figures().isEmpty()) return;
    ModelResult.Figures f = r.figures().get();
    n.put("requests", f.requests());
    n.put("completed", f.completed());
    n.put("failed", f.failed());
    n.put("throttled", f.throttled());
    n.put("timedOut", f.timedOut());
    n.put("coldStarts", f.coldStarts());
    n.put("coldStartRate", round(f.coldStartRate(), 6));
    ObjectNode lat = n.putObject("latencyMs");
    lat.put("mean", round(f.latencyMs().mean(), 3));
    lat.put("p50", round(f.latencyMs().p50(), 3));
    lat.put("p95", round(f.latencyMs().p95(), 3));
    lat.put("p99", round(f.latencyMs().p99(), 3));
    lat.put("max", round(f.latencyMs().max(), 3));
    n.put("avgInstances", round(f.avgInstances(), 4));
    n.put("peakInstances", f.peakInstances());
    n.put("utilization", round(f.utilization(), 4));
    ObjectNode cost = n.putObject("costUsd");
    cost.put("total", money(f.costUsd().total()));
    cost.put("compute", money(f.costUsd().compute()));
    cost.put("requests", money(f.costUsd().requests()));
    cost.put("idle", money(f.costUsd().idle()));
    cost.put("other", money(f.costUsd().other()));
    n.put("costUsdPerMonth", round(f.costUsdPerMonth(), 4));
    n.put("energyKwh", round(f.energyKwh(), 4));
    n.put("co2eKg", round(f.co2eKg(), 4));
    r.metrics().forEach((name, value) -> n.put(name, round(value, 6)));
    ArrayNode notes = n.putArray("notes");
    r.notes().forEach(notes::add);
    if (!r.tables().isEmpty()) {
      ObjectNode tables = n.putObject("tables");
      r.tables().forEach((name, table) -> table(tables.putArray(name), table));
    }
    if (detail && r.series().buckets() > 0) series(n.putObject("series"), r.series());
    if (detail && r.hostHeatMap().buckets() > 0) hostHeatMap(n.putObject("hostHeatMap"), r.hostHeatMap());
    if (detail && !r.latencyCdf().isEmpty()) {
      ObjectNode cdf = n.putObject("latencyCdf");
      ArrayNode fractions = cdf.putArray("fraction");
      ArrayNode ms = cdf.putArray("ms");
      for (ModelResult.CdfPoint p : r.latencyCdf()) {
        fractions.add(round(p.fraction(), 6));
        ms.add(round(p.ms(), 3));
      }
    }
  }

  /** Writes a per-host heat map: the bucket width, the host names, then one array of utilisations (0–1) per host. */
  static void hostHeatMap(ObjectNode n, ModelResult.HostHeatMap m) {
    n.put("buckets", m.buckets());
    n.put("bucketSeconds", round(m.bucketNanos() / 1e9, 9));
    ArrayNode hosts = n.putArray("hosts");
    m.hosts().forEach(hosts::add);
    ArrayNode rows = n.putArray("utilisation");
    for (List<Double> row : m.utilisation()) {
      ArrayNode cells = rows.addArray();
      row.forEach(v -> cells.add(round(v, 6)));
    }
  }

  /** Writes a time series: the bucket width, then one array per measure, one number per bucket. */
  static void series(ObjectNode n, ModelResult.Series s) {
    n.put("buckets", s.buckets());
    n.put("bucketSeconds", round(s.bucketNanos() / 1e9, 9));
    ArrayNode inst = n.putArray("instances");
    s.instances().forEach(v -> inst.add(round(v, 4)));
    ArrayNode peak = n.putArray("peakInstances");
    s.peakInstances().forEach(peak::add);
    ArrayNode util = n.putArray("utilization");
    s.utilization().forEach(v -> util.add(round(v, 4)));
    ArrayNode arrivals = n.putArray("arrivals");
    s.arrivals().forEach(arrivals::add);
    ArrayNode cold = n.putArray("coldStarts");
    s.coldStarts().forEach(cold::add);
  }

  /**
   * Writes a table as an array of objects, one per row, keyed by column name in column order.
   * Numbers are rounded to 6 decimals; a column whose numbers are all whole is written as integers.
   */
  private static void table(ArrayNode out, ModelResult.Table t) {
    boolean[] whole = new boolean[t.columns().size()];
    for (int c = 0; c < whole.length; c++) {
      whole[c] = true;
      for (List<Object> row : t.rows()) {
        if (row.get(c) instanceof Double d && !isWhole(d)) whole[c] = false;
      }
    }
    for (List<Object> row : t.rows()) {
      ObjectNode o = out.addObject();
      for (int c = 0; c < whole.length; c++) {
        String name = t.columns().get(c);
        Object cell = row.get(c);
        if (cell instanceof Double d) {
          if (whole[c]) o.put(name, (long) (double) d);
          else o.put(name, round(d, 6));
        } else {
          o.put(name, (String) cell);
        }
      }
    }
  }

  private static boolean isWhole(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15;
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(6, RoundingMode.HALF_EVEN);
  }

  private static double round(double v, int decimals) {
    if (!Double.isFinite(v)) return 0;
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
