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
      new ModelTablesTable(),
      new SeriesTable(),
      new LatencyCdfTable(),
      new FunctionTotalsTable(),
      new HostHeatTable());

  private RunTables() {}

  /** Returns every table, in writing order. */
  public static List<RunTable> all() {
    return ALL;
  }

  /** Renders every table's columns as Markdown, as docs/results-schema.md shows them. */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    for (RunTable t : ALL) {
      b.append("### `").append(t.name()).append("`\n\n").append(t.doc()).append(" File: `runs/<run-id>/").append(t.name())
          .append(".parquet`.\n\n| column | type | meaning |\n|---|---|---|\n");
      for (Column c : t.columns()) {
        b.append("| `").append(c.name()).append("` | ").append(c.type().sql()).append(" | ").append(c.doc()).append(" |\n");
      }
      b.append('\n');
    }
    return b.toString();
  }
}
