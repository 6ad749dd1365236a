package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.BIGINT;
import static dev.polyvirt.results.Column.Type.BOOLEAN;
import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.MONEY;
import static dev.polyvirt.results.Column.Type.VARCHAR;
import static dev.polyvirt.results.Column.Type.VARCHAR_LIST;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code model_results}: one row per workload × model with every figure of SPEC.md §3, under the
 * contract's names in snake_case. An infeasible model has its reasons and nulls for the figures.
 * Numbers are stored unrounded (money to 1e-6 USD, as results.json), so SQL aggregates lose nothing.
 */
final class ModelResultsTable implements RunTable {
  /** Decimal places of stored money: 1e-6 USD, as results.json (SPEC.md §3). */
  private static final int MONEY_SCALE = 6;
  /** The figure columns between {@code infeasible_reasons} and {@code notes}: null when infeasible. */
  private static final int FIGURES = 23;

  @Override
  public String name() {
    return "model_results";
  }

  @Override
  public String doc() {
    return "One row per workload × candidate model: the figures of SPEC.md §3.";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The compute model (`vm`, `container`, `faas`, …)."),
        Column.of("feasible", BOOLEAN, "False when the model cannot host the workload; the figures are then null."),
        Column.of("infeasible_reasons", VARCHAR_LIST, "Why not, one sentence per reason (empty when feasible)."),
        Column.of("requests", BIGINT, "Requests offered over the horizon."),
        Column.of("completed", BIGINT, "Requests completed."),
        Column.of("failed", BIGINT, "Requests failed."),
        Column.of("throttled", BIGINT, "Requests rejected by a concurrency limit."),
        Column.of("timed_out", BIGINT, "Requests that hit the timeout."),
        Column.of("cold_starts", BIGINT, "Requests that waited for a new instance."),
        Column.of("cold_start_rate", DOUBLE, "cold_starts / requests."),
        Column.of("latency_mean_ms", DOUBLE, "Mean latency, ms."),
        Column.of("latency_p50_ms", DOUBLE, "Median latency, ms."),
        Column.of("latency_p95_ms", DOUBLE, "95th percentile latency, ms."),
        Column.of("latency_p99_ms", DOUBLE, "99th percentile latency, ms."),
        Column.of("latency_max_ms", DOUBLE, "Largest latency, ms."),
        Column.of("avg_instances", DOUBLE, "Time-weighted instances over the horizon, idle ones included."),
        Column.of("peak_instances", BIGINT, "Most instances at once."),
        Column.of("utilization", DOUBLE, "Busy instance-time / total instance-time."),
        Column.of("cost_usd_total", MONEY, "Cost over the simulated span, USD."),
        Column.of("cost_usd_compute", MONEY, "… of which compute."),
        Column.of("cost_usd_requests", MONEY, "… of which per-request charges."),
        Column.of("cost_usd_idle", MONEY, "… of which idle (provisioned, unused)."),
        Column.of("cost_usd_other", MONEY, "… of which everything else (control plane, data, …)."),
        Column.of("cost_usd_per_month", DOUBLE, "The cost scaled to 730 hours."),
        Column.of("energy_kwh", DOUBLE, "Energy over the span, kWh."),
        Column.of("co2e_kg", DOUBLE, "Emissions over the span, kg CO2e."),
        Column.of("notes", VARCHAR_LIST, "The model's notes on this result."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        List<Object> row = new ArrayList<>(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(),
            r.feasible(), r.infeasibleReasons()));
        if (r.figures().isPresent()) row.addAll(figures(r.figures().get()));
        else row.addAll(Arrays.asList(new Object[FIGURES]));
        row.add(r.notes());
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Object> figures(ModelResult.Figures f) {
    return Arrays.asList(f.requests(), f.completed(), f.failed(), f.throttled(), f.timedOut(), f.coldStarts(),
        f.coldStartRate(), f.latencyMs().mean(), f.latencyMs().p50(), f.latencyMs().p95(), f.latencyMs().p99(),
        f.latencyMs().max(), f.avgInstances(), f.peakInstances(), f.utilization(),
        money(f.costUsd().total()), money(f.costUsd().compute()), money(f.costUsd().requests()),
        money(f.costUsd().idle()), money(f.costUsd().other()), f.costUsdPerMonth(), f.energyKwh(), f.co2eKg());
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }
}
