package dev.polyvirt.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code results.duckdb}: only views over the runs' Parquet files, one per {@link RunTable}, so it
 * can be deleted and rebuilt at any time. DuckDB files are tied to the DuckDB version that wrote
 * them, so the file records that version, the runs folder and which tables have files; when any
 * differs, or the file is missing or unreadable, it is rebuilt (into a temporary file, then renamed).
 *
 * <p>A table with files is a view over {@code runs/*}{@code /<table>.parquet} (by column name, so
 * runs from older versions with fewer columns still read); new runs appear in it without a rebuild.
 * A table without files yet is an empty view with the table's columns.
 */
public final class Catalog {
  private static final String META = "polyvirt_catalog";
  private final Path file;
  private final Path runsDir;
  private final List<RunTable> tables;

  Catalog(Path file, Path runsDir, List<RunTable> tables) {
    this.file = file;
    this.runsDir = runsDir;
    this.tables = tables;
  }

  /** Returns the catalog file. */
  public Path file() {
    return file;
  }

  /** Rebuilds the file unless it is current; returns true when it was rebuilt. */
  public boolean ensure() throws SQLException, IOException {
    if (current()) return false;
    rebuild();
    return true;
  }

  /** Returns true when the file exists and was built by this DuckDB for these runs and tables. */
  boolean current() throws IOException {
    if (!Files.isRegularFile(file)) return false;
    try (Connection c = open(file, true); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT duckdb_version, signature FROM " + META)) {
      return r.next() && r.getString(1).equals(duckdbVersion()) && r.getString(2).equals(signature());
    } catch (SQLException e) {
      return false; // unreadable, another version's format, or not a catalog: rebuild
    }
  }

  /** Writes a fresh catalog file for the runs there are now. */
  public void rebuild() throws SQLException, IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      try (Connection c = open(tmp, false); Statement s = c.createStatement()) {
        for (RunTable t : tables) s.execute("CREATE VIEW " + t.name() + " AS " + viewQuery(t));
        s.execute("CREATE TABLE " + META + " (duckdb_version VARCHAR, signature VARCHAR)");
        s.execute("INSERT INTO " + META + " VALUES ('" + ParquetWriter.sqlString(duckdbVersion()) + "', '"
            + ParquetWriter.sqlString(signature()) + "')");
        s.execute("CHECKPOINT");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".wal"));
    }
  }

  /** Runs {@code sql} on a read-only connection to the catalog and returns every row. */
  QueryResult query(String sql) throws SQLException {
    try (Connection c = open(file, true); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return QueryResult.of(r);
    }
  }

  private String viewQuery(RunTable t) throws IOException {
    if (hasFiles(t)) {
      String glob = runsDir.toAbsolutePath().normalize() + "/*/" + t.name() + ".parquet";
      return "SELECT * FROM read_parquet('" + ParquetWriter.sqlString(glob) + "', union_by_name = true)";
    }
    return "SELECT " + t.columns().stream().map(c -> "CAST(NULL AS " + c.type().sql() + ") AS " + c.name())
        .collect(Collectors.joining(", ")) + " WHERE false";
  }

  /** Describes what the views read: the runs folder and, per table, whether any run has its file. */
  private String signature() throws IOException {
    StringBuilder b = new StringBuilder(runsDir.toAbsolutePath().normalize().toString());
    for (RunTable t : tables) b.append(';').append(t.name()).append(hasFiles(t) ? ":files" : ":empty");
    return b.toString();
  }

  private boolean hasFiles(RunTable t) throws IOException {
    if (!Files.isDirectory(runsDir)) return false;
    try (Stream<Path> runs = Files.list(runsDir)) {
      return runs.anyMatch(r -> RunId.valid(r.getFileName().toString()) && Files.isRegularFile(r.resolve(t.name() + ".parquet")));
    }
  }

  private static Connection open(Path db, boolean readOnly) throws SQLException {
    Properties p = new Properties();
    if (readOnly) p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p);
  }

  /** Returns the version of the DuckDB library in use, e.g. {@code v2.0.0}. */
  public static String duckdbVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT library_version FROM pragma_version()")) {
      r.next();
      return r.getString(1);
    }
  }
}
