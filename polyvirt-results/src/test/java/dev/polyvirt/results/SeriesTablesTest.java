package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Aggregates;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.planner.WorkloadPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time series, latency CDF and per-app/per-trigger totals read back through SQL with the plan's own figures. */
class SeriesTablesTest {
  @TempDir
  Path out;

  private ResultsDatabase db() {
    return new ResultsDatabase(out, Clock.fixed(ResultsDatabaseTest.START, ZoneOffset.UTC), RunTables.all());
  }

  @Test
  void theSeriesAddsUpToEachResultsTotals() throws Exception {
    // Per simulated result: 200 intervals whose arrivals sum to its requests and cold starts to its cold
    // starts (the figures results.json prints), whose mean instances average to avgInstances and whose
    // peaks reach peakInstances; the intervals tile the horizon. Infeasible results have no rows.
    Plan plan = TinyPlans.plan();
    db().store(plan, TinyPlans.SOURCE, Map.of());
    ResultsDatabase db = db();
    for (WorkloadPlan w : plan.workloads()) {
      for (ModelResult r : w.results()) {
        QueryResult q = db.query("SELECT count(*) AS n, sum(arrivals) AS arrivals, sum(cold_starts) AS cold, avg(instances) AS inst,"
            + " max(peak_instances) AS peak, max(start_s + bucket_s) AS span, min(start_s) AS first"
            + " FROM series WHERE workload = '" + w.workload().workload().name() + "' AND model = '" + r.model() + "'");
        List<Object> row = q.rows().get(0);
        if (r.figures().isEmpty()) {
          assertThat(row.get(0)).isEqualTo(0L);
          continue;
        }
        ModelResult.Figures f = r.figures().get();
        assertThat(row.get(0)).as(w.workload().workload().name() + " on " + r.model()).isEqualTo(200L);
        assertThat(((Number) row.get(1)).longValue()).isEqualTo(f.requests());
        assertThat(((Number) row.get(2)).longValue()).isEqualTo(f.coldStarts());
        assertThat((Double) row.get(3)).isCloseTo(f.avgInstances(), within(1e-3));
        assertThat(((Number) row.get(4)).longValue()).isEqualTo(f.peakInstances());
        assertThat((Double) row.get(5)).isCloseTo(w.workload().horizonNanos() / 1e9, within(1e-6));
        assertThat((Double) row.get(6)).isZero();
      }
    }
  }

  @Test
  void theLatencyCdfPassesThroughEachResultsPercentiles() throws Exception {
    // The stored CDF is the result's own points: from the fastest (fraction 0) to the slowest (fraction 1,
    // the exact maximum results.json prints), through p99.
    Plan plan = TinyPlans.plan();
    db().store(plan, TinyPlans.SOURCE, Map.of());
    ResultsDatabase db = db();
    ModelResult r = plan.workloads().get(0).results().stream().filter(x -> x.model().equals("faas")).findFirst().orElseThrow();
    QueryResult q = db.query("SELECT fraction, latency_ms FROM latency_cdf WHERE workload = 'api' AND model = 'faas' ORDER BY fraction");
    assertThat(q.rows()).hasSize(r.latencyCdf().size());
    for (int k = 0; k < q.rows().size(); k++) {
      assertThat(q.rows().get(k).get(0)).isEqualTo(r.latencyCdf().get(k).fraction());
      assertThat(q.rows().get(k).get(1)).isEqualTo(r.latencyCdf().get(k).ms());
    }
    assertThat(q.column("latency_ms").get(q.rows().size() - 1)).isEqualTo(r.figures().orElseThrow().latencyMs().max());
    assertThat(db.query("SELECT latency_ms FROM latency_cdf WHERE workload = 'api' AND model = 'faas' AND fraction = 0.99")
        .column("latency_ms")).containsExactly(r.figures().orElseThrow().latencyMs().p99());
  }

  private static final String TRACE_SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: agg
      seed: 1
      workloads:
        - name: day
          runtime: python
          traffic: {trace: {format: azure-functions-2021, path: traces/azure-functions-2021/Azure2021_200.csv, function: "*"}}
          request: {cpu: 100m, memory: 128Mi}
          candidates: [faas, vm]
      """;

  @Test
  void functionTotalsHoldThePlansPerAppAndPerTriggerSums() throws Exception {
    // A function: "*" trace: one row per app and per trigger and model, equal to Plan.aggregates(), and the
    // per-app requests add up to the requests of every function's own model_results row.
    Plan plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("agg.yaml", TRACE_SPEC, Path.of("..", "examples")), Set.of());
    db().store(plan, new RunSource("agg.yaml", TRACE_SPEC, "1.0.0"), Map.of());
    ResultsDatabase db = db();
    Aggregates.TraceGroup g = plan.aggregates().groups().get(0);
    for (Aggregates.Totals app : g.apps()) {
      for (var m : app.models().entrySet()) {
        QueryResult q = db.query("SELECT functions, requests, cold_starts, cost_usd_per_month FROM function_totals WHERE workload = 'day'"
            + " AND grouped_by = 'app' AND group_key = '" + app.key() + "' AND model = '" + m.getKey() + "'");
        assertThat(q.rows()).containsExactly(List.of(app.functions(), app.requests(), m.getValue().coldStarts(),
            m.getValue().costUsdPerMonth()));
      }
    }
    long rows = g.apps().stream().mapToLong(t -> t.models().size()).sum() + g.triggers().stream().mapToLong(t -> t.models().size()).sum();
    assertThat(db.query("SELECT count(*) AS n FROM function_totals").column("n")).containsExactly(rows);
    Object viaApps = db.query("SELECT sum(requests) AS n FROM function_totals WHERE grouped_by = 'app' AND model = 'faas'").column("n").get(0);
    Object viaFunctions = db.query("SELECT sum(requests) AS n FROM model_results WHERE model = 'faas'").column("n").get(0);
    assertThat(((Number) viaApps).longValue()).isEqualTo(((Number) viaFunctions).longValue()).isPositive();
  }
}
