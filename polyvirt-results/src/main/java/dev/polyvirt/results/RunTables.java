package dev.polyvirt.results;

import java.util.List;

/** The registry of stored tables: one line per table. Order is the order they are written. */
public final class RunTables {
  private static final List<RunTable> ALL = List.of(
      new RunsTable(),
      new WorkloadsTable(),
      new ModelResultsTable(),
      new RecommendationsTable(),
      new MetricsTable(),
      new ModelTablesTable());

  private RunTables() {}

  /** Returns every table, in writing order. */
  public static List<RunTable> all() {
    return ALL;
  }
}
