package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.BIGINT;
import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.TIMESTAMP;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.planner.Plan;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** {@code runs}: one row per run — the spec, seed, price book and horizon it ran with. */
final class RunsTable implements RunTable {
  private static final double NANOS_PER_SECOND = 1e9;

  @Override
  public String name() {
    return "runs";
  }

  @Override
  public String doc() {
    return "One row per run.";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run's id: UTC start time and a hash of spec text and seed (`20261122T124512Z-3f9a2c1b`)."),
        Column.of("created_at", TIMESTAMP, "When the run was stored, UTC."),
        Column.of("polyvirt_version", VARCHAR, "The polyvirt version that made the run."),
        Column.of("spec", VARCHAR, "The spec's `name`."),
        Column.of("spec_file", VARCHAR, "The spec file as given on the command line (or the dashboard's name for pasted text)."),
        Column.of("spec_sha256", VARCHAR, "SHA-256 of the spec text; the text itself is `spec.yaml` in the run's folder."),
        Column.of("seed", BIGINT, "The seed the run used (after `--seed`)."),
        Column.of("price_book", VARCHAR, "The price book's label, e.g. `aws-us-east-1@2025-10-01`."),
        Column.of("horizon_s", DOUBLE, "The spec's horizon in seconds (a trace workload may span its own)."),
        Column.of("workload_count", INTEGER, "Workloads planned."),
        Column.of("result_count", INTEGER, "Workload × model results (rows of `model_results`)."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    Plan plan = run.plan();
    int results = plan.workloads().stream().mapToInt(w -> w.results().size()).sum();
    return List.of(Arrays.asList(run.id().value(), LocalDateTime.ofInstant(run.createdAt(), ZoneOffset.UTC),
        run.source().polyvirtVersion(), plan.portfolio().portfolio().name(), run.source().specFile(),
        RunId.sha256(run.source().specText()), plan.portfolio().portfolio().seed(), plan.portfolio().priceBook().label(),
        plan.portfolio().portfolio().horizonNanos() / NANOS_PER_SECOND, plan.workloads().size(), results));
  }
}
