package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code recommendations}: the rationale of each workload's recommendation, one sentence per row. */
final class RecommendationsTable implements RunTable {
  @Override
  public String name() {
    return "recommendations";
  }

  @Override
  public String doc() {
    return "One row per sentence of each workload's recommendation rationale, in order.";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The recommended model, or null when none is feasible."),
        Column.of("line", INTEGER, "The sentence's place in the rationale, from 0."),
        Column.of("reason", VARCHAR, "The sentence."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      List<String> why = w.recommendation().rationale();
      for (int i = 0; i < why.size(); i++) {
        rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(),
            w.recommendation().model().orElse(null), i, why.get(i)));
      }
    }
    return rows;
  }
}
