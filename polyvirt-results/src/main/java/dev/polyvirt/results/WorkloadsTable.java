package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code workloads}: one row per workload of a run, with the model recommended for it. */
final class WorkloadsTable implements RunTable {
  private static final double NANOS_PER_SECOND = 1e9;

  @Override
  public String name() {
    return "workloads";
  }

  @Override
  public String doc() {
    return "One row per workload of a run (with `function: \"*\"`, one per function of the trace).";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("position", INTEGER, "The workload's place in the spec, from 0."),
        Column.of("workload", VARCHAR, "The workload's name."),
        Column.of("runtime", VARCHAR, "Its runtime (`python`, `java`, …)."),
        Column.of("traffic", VARCHAR, "Its traffic, described in words."),
        Column.of("horizon_s", DOUBLE, "The simulated span in seconds."),
        Column.of("latency_p99_target_ms", DOUBLE, "Its p99 latency requirement in ms, or null without one."),
        Column.of("recommended_model", VARCHAR, "The recommended model, or null when no candidate is feasible."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    int i = 0;
    for (WorkloadPlan w : run.plan().workloads()) {
      var workload = w.workload().workload();
      rows.add(Arrays.asList(run.id().value(), i++, workload.name(), workload.runtime(), w.workload().traffic().describe(),
          w.workload().horizonNanos() / NANOS_PER_SECOND, p99TargetMs(w), w.recommendation().model().orElse(null)));
    }
    return rows;
  }

  private static Double p99TargetMs(WorkloadPlan w) {
    return w.workload().workload().requirements().latencyP99Nanos().stream().mapToObj(n -> n / 1e6).findFirst().orElse(null);
  }
}
