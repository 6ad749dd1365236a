package dev.polyvirt.results;

import dev.polyvirt.planner.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results database under an output folder: every run in {@code runs/<run-id>/} as Parquet
 * tables (the durable format) beside its spec, results.json and report.html, and
 * {@code results.duckdb}, a {@link Catalog} of views over them for SQL.
 *
 * <p>A run is written whole or not at all: into a fresh folder under {@code .partial/}, on the same
 * file system, then renamed into {@code runs/}. A crash leaves at most a folder in {@code .partial/},
 * which no view reads and the next store removes once it is an hour old.
 */
public final class ResultsDatabase {
  /** Name of the spec text's copy in a run's folder. */
  public static final String SPEC_FILE = "spec.yaml";
  /** The run list of {@link #listRuns}: one row per run, oldest first, with each workload's recommendation. */
  private static final String RUN_LIST_SQL = """
      SELECT r.run_id, strftime(r.created_at, '%Y-%m-%d %H:%M:%S') AS created_utc, r.spec, r.seed,
             string_agg(w.workload || ': ' || coalesce(w.recommended_model, 'none'), ', ' ORDER BY w.position) AS recommended
      FROM runs r LEFT JOIN workloads w USING (run_id)
      GROUP BY r.run_id, r.created_at, r.spec, r.seed
      ORDER BY r.run_id""";
  /** Age after which a staging folder is a leftover of a crash: no store takes longer than seconds. */
  private static final Duration STALE_STAGING = Duration.ofHours(1);
  /** Collision suffixes tried for runs of the same spec and seed in the same second. */
  private static final int MAX_SUFFIX = 9999;

  private final Path out;
  private final Clock clock;
  private final List<RunTable> tables;

  ResultsDatabase(Path out, Clock clock, List<RunTable> tables) {
    this.out = out.toAbsolutePath().normalize();
    this.clock = clock;
    this.tables = List.copyOf(tables);
  }

  /** Opens the results database under {@code out} (e.g. {@code polyvirt-out}); nothing is created yet. */
  public static ResultsDatabase at(Path out) {
    return new ResultsDatabase(out, Clock.systemUTC(), RunTables.all());
  }

  /**
   * Loads DuckDB's native library on a background thread. The driver copies its 71 MB library out
   * of the jar on first use (2-3 s of wall time on a busy 2-core machine), so a caller that will
   * store a run starts this before simulating and the copy overlaps the simulation.
   */
  public static void warmUp() {
    Thread t = new Thread(() -> {
      try {
        DriverManager.getConnection("jdbc:duckdb:").close();
      } catch (SQLException | RuntimeException | LinkageError e) {
        // storing will report it, with its own message
      }
    }, "polyvirt-duckdb-load");
    t.setDaemon(true);
    t.start();
  }

  /** Returns the folder holding one folder per run. */
  public Path runsDir() {
    return out.resolve("runs");
  }

  /** Returns the folder of run {@code id}. */
  public Path runDir(RunId id) {
    return runsDir().resolve(id.value());
  }

  /** Returns the catalog of views ({@code results.duckdb}). */
  public Catalog catalog() {
    return new Catalog(out.resolve("results.duckdb"), runsDir(), tables);
  }

  /**
   * Stores {@code plan} as a new run with the spec text and {@code files} (name → text, e.g.
   * results.json and report.html) copied in; returns its id. Nothing is left behind on failure.
   */
  public RunId store(Plan plan, RunSource source, Map<String, String> files) throws IOException, SQLException {
    Instant now = clock.instant();
    RunId base = RunId.of(now, source.specText(), plan.portfolio().portfolio().seed());
    Path staging = out.resolve(".partial");
    Files.createDirectories(staging);
    Files.createDirectories(runsDir());
    removeStale(staging, now);
    Path tmp = Files.createTempDirectory(staging, base.value() + "-");
    try {
      try (ParquetWriter writer = new ParquetWriter()) {
        for (RunTable t : tables) writer.write(t, new StoredRun(base, now, source, plan), tmp.resolve(t.name() + ".parquet"));
      }
      Files.writeString(tmp.resolve(SPEC_FILE), source.specText(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(tmp.resolve(fileName(f.getKey())), f.getValue(), StandardCharsets.UTF_8);
      }
      RunId id = moveIntoPlace(tmp, base, source, plan, now);
      catalog().rebuild();
      return id;
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Renames the staged folder to {@code runs/<id>}; when another run of the same spec took the id
   * in the same second, rewrites the tables under the next free suffix first (the id is a column).
   */
  private RunId moveIntoPlace(Path tmp, RunId base, RunSource source, Plan plan, Instant now) throws IOException, SQLException {
    RunId id = base;
    for (int n = 2; n <= MAX_SUFFIX; n++) {
      if (!Files.exists(runDir(id))) {
        try {
          Files.move(tmp, runDir(id), StandardCopyOption.ATOMIC_MOVE);
          return id;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // another process won the id: try the next suffix
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("cannot rename " + tmp + " into " + runsDir() + " atomically", e);
        }
      }
      id = base.withSuffix(n);
      try (ParquetWriter writer = new ParquetWriter()) {
        for (RunTable t : tables) writer.write(t, new StoredRun(id, now, source, plan), tmp.resolve(t.name() + ".parquet"));
      }
    }
    throw new IOException("more than " + MAX_SUFFIX + " runs of one spec in one second under " + runsDir());
  }

  /** Returns the ids of the stored runs, oldest first (folders that are not run ids are ignored). */
  public List<RunId> runIds() throws IOException {
    if (!Files.isDirectory(runsDir())) return List.of();
    List<RunId> ids = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(runsDir())) {
      dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(RunId::valid).map(RunId::new).forEach(ids::add);
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /** Runs {@code sql} against the catalog's views (read-only); rebuilds the catalog first if needed. */
  public QueryResult query(String sql) throws SQLException, IOException {
    Catalog catalog = catalog();
    catalog.ensure();
    return catalog.query(sql);
  }

  /** Lists the stored runs, oldest first: run_id, created_utc, spec, seed and recommended ("workload: model, …"). */
  public QueryResult listRuns() throws SQLException, IOException {
    return query(RUN_LIST_SQL);
  }

  private static String fileName(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("a run file is a plain file name, got '" + name + "'");
    }
    return name;
  }

  private static void removeStale(Path staging, Instant now) throws IOException {
    try (Stream<Path> leftovers = Files.list(staging)) {
      for (Path p : (Iterable<Path>) leftovers::iterator) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(STALE_STAGING))) deleteTree(p);
      }
    }
  }

  /** Deletes {@code root} and everything under it, if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
