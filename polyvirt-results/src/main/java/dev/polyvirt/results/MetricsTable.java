package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics}: each model's own named figures beyond the contract ({@code ModelResult.metrics},
 * e.g. FaaS {@code idleMemoryGbHours}), long format, so a model adds a metric without a new column.
 */
final class MetricsTable implements RunTable {
  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public String doc() {
    return "One row per named metric a model measured beyond the contract (long format).";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The model that measured it."),
        Column.of("metric", VARCHAR, "The metric's name, as in results.json (e.g. `idleMemoryGbHours`)."),
        Column.of("value", DOUBLE, "Its value (unrounded)."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
          rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(), m.getKey(), m.getValue()));
        }
      }
    }
    return rows;
  }
}
