package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored run reads back through SQL with the plan's own figures, and a failed store leaves nothing. */
@SuppressWarnings("unchecked")
class ResultsDatabaseTest {
  static final Instant START = Instant.parse("2026-11-22T12:45:12Z");
  @TempDir
  Path out;

  ResultsDatabase db(List<RunTable> tables) {
    return new ResultsDatabase(out, Clock.fixed(START, ZoneOffset.UTC), tables);
  }

  @Test
  void aStoredRunIsQueryableWithThePlansFigures() throws Exception {
    Plan plan = TinyPlans.plan();
    RunId id = db(RunTables.all()).store(plan, TinyPlans.SOURCE, Map.of("results.json", "{}\n", "report.html", "<html></html>\n"));

    assertThat(id.value()).startsWith("20261122T124512Z-").hasSize(25);
    assertThat(out.resolve("runs").resolve(id.value())).isDirectory();
    try (Stream<Path> files = Files.list(out.resolve("runs").resolve(id.value()))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs.parquet", "workloads.parquet",
          "model_results.parquet", "recommendations.parquet", "metrics.parquet", "model_tables.parquet",
          "series.parquet", "latency_cdf.parquet", "function_totals.parquet", "host_heat.parquet", "spec.yaml", "results.json", "report.html");
    }
    assertThat(out.resolve("runs").resolve(id.value()).resolve("spec.yaml")).hasContent(TinyPlans.SPEC.strip());

    ResultsDatabase db = db(RunTables.all());
    QueryResult runs = db.query("SELECT run_id, spec, seed, workload_count, result_count, spec_sha256 FROM runs");
    assertThat(runs.rows()).containsExactly(List.of(id.value(), "tiny", 7L, 2, 5, RunId.sha256(TinyPlans.SPEC)));

    // every feasible result's p99 and total cost come back exactly as the plan has them
    for (WorkloadPlan w : plan.workloads()) {
      for (ModelResult r : w.results()) {
        QueryResult q = db.query("SELECT feasible, latency_p99_ms, cost_usd_total, requests, infeasible_reasons FROM model_results"
            + " WHERE workload = '" + w.workload().workload().name() + "' AND model = '" + r.model() + "'");
        assertThat(q.rows()).hasSize(1);
        List<Object> row = q.rows().get(0);
        assertThat(row.get(0)).isEqualTo(r.feasible());
        if (r.feasible()) {
          ModelResult.Figures f = r.figures().orElseThrow();
          assertThat((Double) row.get(1)).isEqualTo(f.latencyMs().p99());
          assertThat((BigDecimal) row.get(2)).isEqualByComparingTo(f.costUsd().total().setScale(6, RoundingMode.HALF_EVEN));
          assertThat(row.get(3)).isEqualTo(f.requests());
          assertThat((List<?>) row.get(4)).isEmpty();
        } else {
          assertThat(row.get(1)).isNull();
          assertThat((List<Object>) row.get(4)).containsExactlyElementsOf(List.<Object>copyOf(r.infeasibleReasons()));
        }
      }
    }
    QueryResult rec = db.query("SELECT workload, recommended_model FROM workloads ORDER BY position");
    List<List<Object>> expected = new ArrayList<>();
    for (WorkloadPlan w : plan.workloads()) {
      expected.add(java.util.Arrays.asList(w.workload().workload().name(), w.recommendation().model().orElse(null)));
    }
    assertThat(rec.rows()).containsExactlyElementsOf(expected);
    QueryResult because = db.query("SELECT reason FROM recommendations WHERE workload = 'api' ORDER BY line");
    assertThat(because.column("reason")).containsExactlyElementsOf(plan.workloads().get(0).recommendation().rationale());
    long metrics = plan.workloads().stream().flatMap(w -> w.results().stream()).mapToLong(r -> r.metrics().size()).sum();
    assertThat(db.query("SELECT count(*) AS n FROM metrics").column("n")).containsExactly(metrics);
  }

  @Test
  void twoRunsOfTheSameSpecInOneSecondGetDistinctIds() throws Exception {
    RunId a = db(RunTables.all()).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    RunId b = db(RunTables.all()).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    assertThat(b.value()).isEqualTo(a.value() + "-2");
    assertThat(db(RunTables.all()).runIds()).containsExactly(a, b);
    assertThat(db(RunTables.all()).query("SELECT run_id FROM runs ORDER BY run_id").column("run_id")).containsExactly(a.value(), b.value());
  }

  @Test
  void aFailureMidWriteLeavesNoRunFolder() throws Exception {
    List<RunTable> tables = new ArrayList<>(RunTables.all());
    tables.add(3, new FailingTable()); // after runs, workloads and model_results have been written
    assertThatThrownBy(() -> db(tables).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of("report.html", "x")))
        .hasMessageContaining("disk full");

    assertThat(db(RunTables.all()).runIds()).isEmpty();
    try (Stream<Path> runs = Files.list(out.resolve("runs")); Stream<Path> partial = Files.list(out.resolve(".partial"))) {
      assertThat(runs).isEmpty();
      assertThat(partial).isEmpty();
    }
    assertThat(db(RunTables.all()).query("SELECT count(*) AS n FROM model_results").column("n")).containsExactly(0L);
  }

  @Test
  void aLeftoverOfACrashIsNeverReadAndIsRemovedWhenStale() throws Exception {
    // a process killed mid-write leaves its staging folder: views must not see it
    Path leftover = out.resolve(".partial").resolve("20261122T000000Z-00000000-123");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("runs.parquet"), "not parquet");
    Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(START.minusSeconds(7200)));
    RunId id = db(RunTables.all()).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());

    assertThat(db(RunTables.all()).query("SELECT run_id FROM runs").column("run_id")).containsExactly(id.value());
    assertThat(leftover).doesNotExist();
  }

  @Test
  void aQueryErrorCarriesDuckDbsMessage() throws Exception {
    db(RunTables.all()).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    assertThatThrownBy(() -> db(RunTables.all()).query("SELEC 1")).isInstanceOf(SQLException.class)
        .hasMessageContaining("syntax error");
    assertThatThrownBy(() -> db(RunTables.all()).query("SELECT nope FROM runs")).isInstanceOf(SQLException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void theCatalogIsReadOnlyForQueries() throws Exception {
    db(RunTables.all()).store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    assertThatThrownBy(() -> db(RunTables.all()).query("DROP VIEW runs")).isInstanceOf(SQLException.class);
    assertThat(db(RunTables.all()).query("SELECT count(*) AS n FROM runs").column("n")).containsExactly(1L);
  }

  /** A table whose rows cannot be produced, as when the disk fills in the middle of a store. */
  static final class FailingTable implements RunTable {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public String doc() {
      return "Fails.";
    }

    @Override
    public List<Column> columns() {
      return List.of(Column.of("run_id", Column.Type.VARCHAR, "The run."));
    }

    @Override
    public List<List<Object>> rows(StoredRun run) {
      throw new IllegalStateException("disk full");
    }
  }
}
