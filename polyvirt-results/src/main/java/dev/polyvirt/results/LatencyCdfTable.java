package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code latency_cdf}: each simulated result's latency CDF points ({@code ModelResult.latencyCdf}), one row per point. */
final class LatencyCdfTable implements RunTable {
  @Override
  public String name() {
    return "latency_cdf";
  }

  @Override
  public String doc() {
    return "One row per point of a simulated result's latency CDF: a share of requests took at most a latency"
        + " (26 percentiles, 0 = the fastest, 1 = the slowest).";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The model simulated."),
        Column.of("fraction", DOUBLE, "The share of requests, 0–1."),
        Column.of("latency_ms", DOUBLE, "The latency at most that share of requests took, in milliseconds."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        for (ModelResult.CdfPoint p : r.latencyCdf()) {
          rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(), p.fraction(), p.ms()));
        }
      }
    }
    return rows;
  }
}
