package dev.polyvirt.results;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a query, with plain Java cells: {@code String}, {@code Long}, {@code Integer},
 * {@code Double}, {@code BigDecimal}, {@code Boolean}, {@code LocalDateTime}, {@code List} or null.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Reads every row of {@code r}. */
  static QueryResult of(ResultSet r) throws SQLException {
    ResultSetMetaData m = r.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) columns.add(m.getColumnLabel(i));
    List<List<Object>> rows = new ArrayList<>();
    while (r.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) row.add(plain(r.getObject(i)));
      rows.add(Collections.unmodifiableList(row));
    }
    return new QueryResult(columns, rows);
  }

  /** Returns the cells of {@code column} (by name). */
  public List<Object> column(String column) {
    int i = columns.indexOf(column);
    if (i < 0) throw new IllegalArgumentException("no column '" + column + "' in " + columns);
    return rows.stream().map(r -> r.get(i)).toList();
  }

  private static Object plain(Object v) throws SQLException {
    if (v instanceof Timestamp t) return t.toLocalDateTime();
    if (v instanceof Array a) {
      Object items = a.getArray();
      if (items instanceof Object[] arr) {
        List<Object> out = new ArrayList<>();
        for (Object o : arr) out.add(plain(o));
        return Collections.unmodifiableList(out);
      }
      return List.of(String.valueOf(items));
    }
    if (v instanceof Object[] arr) return Arrays.asList(arr);
    return v;
  }
}
