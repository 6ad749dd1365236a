package dev.polyvirt.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.duckdb holds only views, so it is rebuilt whenever it is missing, foreign or stale. */
class CatalogTest {
  @TempDir
  Path out;

  ResultsDatabase db() {
    return new ResultsDatabase(out, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), RunTables.all());
  }

  @Test
  void withoutRunsEveryViewIsEmptyButHasItsColumns() throws Exception {
    QueryResult q = db().query("SELECT * FROM model_results");
    assertThat(q.rows()).isEmpty();
    assertThat(q.columns()).startsWith("run_id", "workload", "model", "feasible").contains("latency_p99_ms", "cost_usd_total");
    assertThat(out.resolve("results.duckdb")).isRegularFile();
  }

  @Test
  void aDeletedCatalogIsRebuilt() throws Exception {
    RunId id = db().store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    Files.delete(out.resolve("results.duckdb"));
    assertThat(db().catalog().ensure()).isTrue();
    assertThat(db().query("SELECT run_id FROM runs").column("run_id")).containsExactly(id.value());
    assertThat(db().catalog().ensure()).isFalse();
  }

  @Test
  void aCatalogMadeByAnotherDuckDbVersionIsRebuilt() throws Exception {
    RunId id = db().store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb")); Statement s = c.createStatement()) {
      s.execute("UPDATE polyvirt_catalog SET duckdb_version = 'v0.9.2'");
      s.execute("DROP VIEW runs");
    }
    assertThat(db().catalog().ensure()).isTrue();
    assertThat(db().query("SELECT run_id FROM runs").column("run_id")).containsExactly(id.value());
  }

  @Test
  void anUnreadableCatalogIsRebuilt() throws Exception {
    RunId id = db().store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    Files.writeString(out.resolve("results.duckdb"), "written by some other program");
    assertThat(db().query("SELECT run_id FROM runs").column("run_id")).containsExactly(id.value());
  }

  @Test
  void aMovedOutputFolderIsFollowed() throws Exception {
    RunId id = db().store(TinyPlans.plan(), TinyPlans.SOURCE, Map.of());
    Path moved = out.resolveSibling(out.getFileName() + "-moved");
    Files.move(out, moved);
    try {
      ResultsDatabase there = new ResultsDatabase(moved, Clock.systemUTC(), RunTables.all());
      assertThat(there.query("SELECT run_id FROM runs").column("run_id")).containsExactly(id.value());
    } finally {
      Files.move(moved, out);
    }
  }
}
