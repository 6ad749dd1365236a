package dev.polyvirt.results;

import java.util.List;

/**
 * One table of a stored run, written as {@code <name>.parquet} in the run's folder and seen as the
 * view {@code <name>} over every run. A table is its columns and the rows it draws from a run;
 * a new table is one class and one line in {@link RunTables}.
 */
public interface RunTable {
  /** Returns the table's name: the Parquet file's stem and the view's name. */
  String name();

  /** Returns a sentence saying what one row is. */
  String doc();

  /** Returns the columns, in order; the first is always {@code run_id}. */
  List<Column> columns();

  /** Returns the rows for {@code run}: one cell per column, {@code null} for none. */
  List<List<Object>> rows(StoredRun run);
}
