package dev.polyvirt.results;

/**
 * One column of a stored table: its name (snake_case, as SQL users expect), its DuckDB type and a
 * sentence for {@code docs/results-schema.md}.
 */
public record Column(String name, Type type, String doc) {
  /** The column types the tables use; each maps to one DuckDB type and one Parquet type. */
  public enum Type {
    VARCHAR("VARCHAR"), BIGINT("BIGINT"), INTEGER("INTEGER"), DOUBLE("DOUBLE"), BOOLEAN("BOOLEAN"),
    /** Money: exact to 1e-6 USD, as results.json rounds it. */
    MONEY("DECIMAL(18,6)"),
    TIMESTAMP("TIMESTAMP"),
    /** A list of sentences (reasons, notes). */
    VARCHAR_LIST("VARCHAR[]");

    private final String sql;

    Type(String sql) {
      this.sql = sql;
    }

    /** Returns the DuckDB type name. */
    public String sql() {
      return sql;
    }
  }

  /** Creates a column. */
  public static Column of(String name, Type type, String doc) {
    return new Column(name, type, doc);
  }
}
