package dev.polyvirt.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One workload on one compute model: the figures of SPEC.md §3. An infeasible model carries its
 * reasons and no figures ({@link #figures} is empty). {@code metrics} holds what a model measures
 * beyond the contract (e.g. FaaS idle instance memory), by name in a stable order, and
 * {@code tables} holds named {@link Table tables} (e.g. a sweep of one setting), so reporters
 * render both without knowing the model. A simulated result also carries its {@link Series time
 * series} and the points of its {@link CdfPoint latency CDF} for charts ({@link Series#NONE} and
 * an empty list otherwise).
 */
public record ModelResult(String model, boolean feasible, List<String> infeasibleReasons,
    Optional<Figures> figures, List<String> notes, Map<String, Double> metrics, Map<String, Table> tables,
    Series series, List<CdfPoint> latencyCdf, HostHeatMap hostHeatMap) {

  public ModelResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    latencyCdf = List.copyOf(latencyCdf);
  }

  /** Creates a result without a host heat map (the shape before it existed). */
  public ModelResult(String model, boolean feasible, List<String> infeasibleReasons, Optional<Figures> figures,
      List<String> notes, Map<String, Double> metrics, Map<String, Table> tables, Series series, List<CdfPoint> latencyCdf) {
    this(model, feasible, infeasibleReasons, figures, notes, metrics, tables, series, latencyCdf, HostHeatMap.NONE);
  }

  /** Creates a result without time series or latency CDF (the shape before they existed). */
  public ModelResult(String model, boolean feasible, List<String> infeasibleReasons, Optional<Figures> figures,
      List<String> notes, Map<String, Double> metrics, Map<String, Table> tables) {
    this(model, feasible, infeasibleReasons, figures, notes, metrics, tables, Series.NONE, List.of());
  }

  /** Creates a result without tables (the shape before tables existed). */
  public ModelResult(String model, boolean feasible, List<String> infeasibleReasons, Optional<Figures> figures,
      List<String> notes, Map<String, Double> metrics) {
    this(model, feasible, infeasibleReasons, figures, notes, metrics, Map.of());
  }

  /** Creates the result of a model that cannot host the workload. */
  public static ModelResult infeasible(String model, List<String> reasons) {
    return new ModelResult(model, false, List.copyOf(reasons), Optional.empty(), List.of(), Map.of(), Map.of());
  }

  /** Creates the result of a simulated model. */
  public static ModelResult of(String model, Figures figures, List<String> notes) {
    return of(model, figures, notes, Map.of());
  }

  /** Creates the result of a simulated model with model-specific named figures. */
  public static ModelResult of(String model, Figures figures, List<String> notes, Map<String, Double> metrics) {
    return of(model, figures, notes, metrics, Map.of());
  }

  /** Creates the result of a simulated model with model-specific named figures and named tables. */
  public static ModelResult of(String model, Figures figures, List<String> notes, Map<String, Double> metrics,
      Map<String, Table> tables) {
    return new ModelResult(model, true, List.of(), Optional.of(figures), List.copyOf(notes), metrics, tables);
  }

  /** Returns this result with {@code table} added (or replaced) under {@code name}, after the tables it has. */
  public ModelResult withTable(String name, Table table) {
    Map<String, Table> more = new LinkedHashMap<>(tables);
    more.put(name, table);
    return new ModelResult(model, feasible, infeasibleReasons, figures, notes, metrics, more, series, latencyCdf, hostHeatMap);
  }

  /** Returns this result with its time series and latency CDF points. */
  public ModelResult withDetail(Series series, List<CdfPoint> latencyCdf) {
    return new ModelResult(model, feasible, infeasibleReasons, figures, notes, metrics, tables, series, latencyCdf, hostHeatMap);
  }

  /** Returns this result with its per-host utilisation heat map. */
  public ModelResult withHostHeatMap(HostHeatMap map) {
    return new ModelResult(model, feasible, infeasibleReasons, figures, notes, metrics, tables, series, latencyCdf, map);
  }

  /** Returns this result with {@code metrics} in place of its own (models add theirs after the shared assembly). */
  public ModelResult withMetrics(Map<String, Double> metrics) {
    return new ModelResult(model, feasible, infeasibleReasons, figures, notes, metrics, tables, series, latencyCdf, hostHeatMap);
  }

  /** Returns this result with {@code more} notes appended. */
  public ModelResult withNotes(List<String> more) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(more);
    return new ModelResult(model, feasible, infeasibleReasons, figures, List.copyOf(all), metrics, tables, series, latencyCdf, hostHeatMap);
  }

  /** The measured figures of one simulation. */
  public record Figures(long requests, long completed, long failed, long throttled, long timedOut,
      long coldStarts, Latency latencyMs, double avgInstances, long peakInstances, double utilization,
      CostUsd costUsd, double costUsdPerMonth, double energyKwh, double co2eKg) {
    /** Returns coldStarts / requests (0 without requests). */
    public double coldStartRate() {
      return requests == 0 ? 0 : coldStarts / (double) requests;
    }
  }

  /**
   * A run's time series in equal buckets over [0, horizon]: per bucket the time-weighted mean and
   * the peak of instances alive, utilisation (busy over alive slot-time), and the arrivals and
   * cold starts counted in it. Bucket k starts at floor(k × horizon / buckets).
   *
   * @param bucketNanos width of a bucket (the first; later ones differ by at most 1 ns)
   * @param horizonNanos end of the last bucket
   */
  public record Series(long bucketNanos, long horizonNanos, List<Double> instances, List<Long> peakInstances,
      List<Double> utilization, List<Long> arrivals, List<Long> coldStarts) {
    /** No series (an infeasible model, or a result built before series existed). */
    public static final Series NONE = new Series(0, 0, List.of(), List.of(), List.of(), List.of(), List.of());

    public Series {
      instances = List.copyOf(instances);
      peakInstances = List.copyOf(peakInstances);
      utilization = List.copyOf(utilization);
      arrivals = List.copyOf(arrivals);
      coldStarts = List.copyOf(coldStarts);
      int n = instances.size();
      if (peakInstances.size() != n || utilization.size() != n || arrivals.size() != n || coldStarts.size() != n) {
        throw new IllegalArgumentException("every series needs the same number of buckets (" + n + ")");
      }
    }

    /** Creates a series from the arrays a run keeps. */
    public Series(long bucketNanos, long horizonNanos, double[] instances, long[] peakInstances, double[] utilization,
        long[] arrivals, long[] coldStarts) {
      this(bucketNanos, horizonNanos, boxed(instances), boxed(peakInstances), boxed(utilization), boxed(arrivals), boxed(coldStarts));
    }

    /** Returns the number of buckets (0 for {@link #NONE}). */
    public int buckets() {
      return instances.size();
    }

    private static List<Double> boxed(double[] xs) {
      return java.util.Arrays.stream(xs).boxed().toList();
    }

    private static List<Long> boxed(long[] xs) {
      return java.util.Arrays.stream(xs).boxed().toList();
    }
  }

  /**
   * Per-host utilisation (0–1) in equal buckets over [0, horizon], for a heat map: one row per
   * listed host, one cell per bucket; bucket k starts at floor(k × horizon / buckets), like
   * {@link Series}. Only datacenter runs fill it.
   *
   * @param bucketNanos width of a bucket (the first; later ones differ by at most 1 ns)
   * @param horizonNanos end of the last bucket
   */
  public record HostHeatMap(long bucketNanos, long horizonNanos, List<String> hosts, List<List<Double>> utilisation) {
    /** No heat map. */
    public static final HostHeatMap NONE = new HostHeatMap(0, 0, List.of(), List.of());

    public HostHeatMap {
      hosts = List.copyOf(hosts);
      utilisation = utilisation.stream().map(List::copyOf).toList();
      if (hosts.size() != utilisation.size()) throw new IllegalArgumentException("one row per host");
      if (utilisation.stream().map(List::size).distinct().count() > 1) throw new IllegalArgumentException("rows differ in length");
    }

    /** Returns the number of buckets (0 for {@link #NONE}). */
    public int buckets() {
      return utilisation.isEmpty() ? 0 : utilisation.get(0).size();
    }
  }

  /** One point of the empirical latency CDF: a fraction {@code fraction} of requests took at most {@code ms}. */
  public record CdfPoint(double fraction, double ms) {}

  /** Latency summary in milliseconds. */
  public record Latency(double mean, double p50, double p95, double p99, double max) {}

  /** Cost over the simulated span, in US dollars, split as SPEC.md §3 does. */
  public record CostUsd(java.math.BigDecimal total, java.math.BigDecimal compute, java.math.BigDecimal requests,
      java.math.BigDecimal idle, java.math.BigDecimal other) {}

  /**
   * A small table a model attaches to its result, such as the figures of a setting swept over
   * several values. Reporters render any table by its name and columns: JSON as an array of
   * objects, the console as an indented sub-table, HTML as a table plus a bar chart of each
   * {@link #chart} column against the first column.
   *
   * @param columns column names, in order (at least one, distinct)
   * @param rows one list of cells per row, one cell per column; a cell is a {@link Double}
   *     (finite; other {@link Number}s are converted) or a {@link String}
   * @param chart names of numeric columns worth charting against the first column (may be empty)
   * @param highlight name of a numeric column whose non-zero rows are the notable ones (e.g. the
   *     chosen row), or {@code ""} for none
   */
  public record Table(List<String> columns, List<List<Object>> rows, List<String> chart, String highlight) {
    public Table {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
      if (columns.stream().distinct().count() != columns.size()) {
        throw new IllegalArgumentException("column names must be distinct: " + columns);
      }
      List<List<Object>> copy = new ArrayList<>(rows.size());
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns: " + row);
        }
        List<Object> cells = new ArrayList<>(row.size());
        for (Object cell : row) cells.add(cell(cell));
        copy.add(Collections.unmodifiableList(cells));
      }
      rows = Collections.unmodifiableList(copy);
      chart = List.copyOf(chart);
      for (String c : chart) {
        if (!columns.contains(c)) throw new IllegalArgumentException("chart column '" + c + "' is not a column of " + columns);
      }
      if (!highlight.isEmpty() && !columns.contains(highlight)) {
        throw new IllegalArgumentException("highlight column '" + highlight + "' is not a column of " + columns);
      }
    }

    /** Creates a table with no chart and no highlighted rows. */
    public Table(List<String> columns, List<List<Object>> rows) {
      this(columns, rows, List.of(), "");
    }

    /** Returns this table with {@code columns} marked for charting against the first column. */
    public Table withChart(String... columns) {
      return new Table(this.columns, rows, List.of(columns), highlight);
    }

    /** Returns this table with the rows where {@code column} is non-zero marked as notable. */
    public Table withHighlight(String column) {
      return new Table(columns, rows, chart, column);
    }

    /** Returns the index of {@code column}; throws if there is none. */
    public int indexOf(String column) {
      int i = columns.indexOf(column);
      if (i < 0) throw new IllegalArgumentException("no column '" + column + "' in " + columns);
      return i;
    }

    /** Returns the cell of {@code row} (0-based) in {@code column}. */
    public Object cell(int row, String column) {
      return rows.get(row).get(indexOf(column));
    }

    /** Returns the number in {@code row} (0-based), {@code column}; throws if the cell is text. */
    public double number(int row, String column) {
      if (cell(row, column) instanceof Double d) return d;
      throw new IllegalArgumentException("column '" + column + "' row " + row + " is not a number");
    }

    /** Returns true when {@code row} is notable: its {@link #highlight} cell is a non-zero number. */
    public boolean highlighted(int row) {
      return !highlight.isEmpty() && rows.get(row).get(indexOf(highlight)) instanceof Double d && d != 0;
    }

    private static Object cell(Object c) {
      if (c instanceof String s) return s;
      if (c instanceof Number n) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) throw new IllegalArgumentException("a table cell must be finite, got " + d);
        return d;
      }
      throw new IllegalArgumentException("a table cell is a number or a string, got " + (c == null ? "null" : c.getClass().getSimpleName()));
    }
  }
}
