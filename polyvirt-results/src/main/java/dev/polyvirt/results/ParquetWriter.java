package dev.polyvirt.results;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes run tables as Parquet files through an in-memory DuckDB: each table is created with its
 * columns' types, filled by a prepared batch, then copied out with {@code COPY … (FORMAT PARQUET)}.
 */
final class ParquetWriter implements AutoCloseable {
  /** Separates list items inside one bound string; the unit separator never occurs in a sentence. */
  private static final String LIST_SEPARATOR = "\u001f";
  private final Connection db;

  ParquetWriter() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
  }

  /** Writes {@code table}'s rows for {@code run} to {@code file}. */
  void write(RunTable table, StoredRun run, Path file) throws SQLException {
    List<Column> columns = table.columns();
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table.name());
      s.execute("CREATE TABLE " + table.name() + " (" + columns.stream()
          .map(c -> c.name() + " " + c.type().sql()).collect(Collectors.joining(", ")) + ")");
    }
    String values = columns.stream().map(c -> c.type() == Column.Type.VARCHAR_LIST
        ? "CASE WHEN ? THEN []::VARCHAR[] ELSE string_split(?, chr(31)) END" : "?").collect(Collectors.joining(", "));
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table.name() + " VALUES (" + values + ")")) {
      for (List<Object> row : table.rows(run)) {
        if (row.size() != columns.size()) {
          throw new IllegalStateException(table.name() + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
        int p = 1;
        for (int c = 0; c < columns.size(); c++) p = bind(insert, p, columns.get(c).type(), row.get(c));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement s = db.createStatement()) {
      s.execute("COPY " + table.name() + " TO '" + sqlString(file.toAbsolutePath().toString()) + "' (FORMAT PARQUET)");
    }
  }

  /** Binds one cell at parameter {@code p}; returns the next parameter index. */
  private static int bind(PreparedStatement st, int p, Column.Type type, Object value) throws SQLException {
    switch (type) {
      case VARCHAR_LIST -> {
        List<?> items = value == null ? Collections.emptyList() : (List<?>) value;
        st.setBoolean(p, items.isEmpty());
        st.setString(p + 1, items.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR)));
        return p + 2;
      }
      case VARCHAR -> {
        if (value == null) st.setNull(p, Types.VARCHAR);
        else st.setString(p, value.toString());
      }
      case BIGINT -> {
        if (value == null) st.setNull(p, Types.BIGINT);
        else st.setLong(p, ((Number) value).longValue());
      }
      case INTEGER -> {
        if (value == null) st.setNull(p, Types.INTEGER);
        else st.setInt(p, ((Number) value).intValue());
      }
      case DOUBLE -> {
        if (value == null || !Double.isFinite(((Number) value).doubleValue())) st.setNull(p, Types.DOUBLE);
        else st.setDouble(p, ((Number) value).doubleValue());
      }
      case BOOLEAN -> {
        if (value == null) st.setNull(p, Types.BOOLEAN);
        else st.setBoolean(p, (Boolean) value);
      }
      case MONEY -> {
        if (value == null) st.setNull(p, Types.DECIMAL);
        else st.setBigDecimal(p, (BigDecimal) value);
      }
      case TIMESTAMP -> {
        if (value == null) st.setNull(p, Types.TIMESTAMP);
        else st.setObject(p, (LocalDateTime) value);
      }
    }
    return p + 1;
  }

  /** Quotes text for a single-quoted SQL string literal. */
  static String sqlString(String text) {
    return text.replace("'", "''");
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
