package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.BIGINT;
import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.planner.Aggregates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code function_totals}: what a {@code function: "*"} trace workload adds up to per app and per
 * trigger ({@code Plan.aggregates()}, the table the console and report.html print after the
 * workloads). Each function's own results are already rows of {@code model_results} (one workload
 * per function); this table holds their sums, one row per group, key and model.
 */
final class FunctionTotalsTable implements RunTable {
  @Override
  public String name() {
    return "function_totals";
  }

  @Override
  public String doc() {
    return "One row per app or trigger of a `function: \"*\"` trace workload and per model: its functions' requests,"
        + " cold starts and cost per month added up (empty for runs without such a workload).";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The spec workload written with `function: \"*\"` (its functions are the workloads named after them)."),
        Column.of("grouped_by", VARCHAR, "`app` (the trace's app hash, first 12 characters) or `trigger`."),
        Column.of("group_key", VARCHAR, "The app's id or the trigger's name."),
        Column.of("functions", INTEGER, "How many of the workload's functions share the key."),
        Column.of("requests", BIGINT, "Their requests over the simulated span."),
        Column.of("model", VARCHAR, "The model; a model infeasible for any of the functions has no row (its sum would mean nothing)."),
        Column.of("cold_starts", BIGINT, "Their cold starts on the model."),
        Column.of("cost_usd_per_month", DOUBLE, "Their cost per month on the model, added up."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (Aggregates.TraceGroup g : run.plan().aggregates().groups()) {
      add(rows, run, g.workload(), "app", g.apps());
      add(rows, run, g.workload(), "trigger", g.triggers());
    }
    return rows;
  }

  private static void add(List<List<Object>> rows, StoredRun run, String workload, String groupedBy, List<Aggregates.Totals> totals) {
    for (Aggregates.Totals t : totals) {
      for (Map.Entry<String, Aggregates.ModelTotals> m : t.models().entrySet()) {
        rows.add(Arrays.asList(run.id().value(), workload, groupedBy, t.key(), t.functions(), t.requests(), m.getKey(),
            m.getValue().coldStarts(), m.getValue().costUsdPerMonth()));
      }
    }
  }
}
