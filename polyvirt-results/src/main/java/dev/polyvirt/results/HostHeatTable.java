package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.metrics.StepSeries;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code host_heat}: the per-host utilisation heat map a datacenter result carries
 * ({@code ModelResult.hostHeatMap}, the chart report.html draws), one row per host and bucket, so
 * hot hosts and hot hours can be found with SQL across runs. Bucket k spans
 * [floor(k × horizon / buckets), floor((k + 1) × horizon / buckets)) like the model's own
 * buckets ({@link StepSeries#boundary}), so widths may differ by a nanosecond and each row says its own.
 */
final class HostHeatTable implements RunTable {
  /**
   * The datacenter result's per-host table: row h is heat-map row h (both list the first hosts in
   * the cluster's order), with the host's zone and hardware model.
   */
  private static final String HOSTS_TABLE = "hosts";

  @Override
  public String name() {
    return "host_heat";
  }

  @Override
  public String doc() {
    return "One row per host and interval of a datacenter result's per-host heat map (48 equal intervals over the horizon,"
        + " the hosts report.html draws); empty for runs without a datacenter model. A host's `utilization × bucket_s`"
        + " summed over its intervals is its busy time within the horizon.";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The model simulated (`datacenter`)."),
        Column.of("host_index", INTEGER, "The host's row in the heat map, from 0 (the datacenter's host order)."),
        Column.of("host", VARCHAR, "The host's name, as the heat map labels it."),
        Column.of("zone", VARCHAR, "The host's zone as `datacenter/zone`, from the result's `hosts` table (null if that table does not list it)."),
        Column.of("host_model", VARCHAR, "The host's hardware model (`hostModels` of the spec), from the same table."),
        Column.of("bucket", INTEGER, "The interval's index, from 0."),
        Column.of("start_s", DOUBLE, "When the interval starts, seconds from the start of the simulation."),
        Column.of("bucket_s", DOUBLE, "The interval's length in seconds."),
        Column.of("utilization", DOUBLE, "The host's busy work over its capacity in the interval, 0–1 (exact, not sampled)."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        ModelResult.HostHeatMap m = r.hostHeatMap();
        int buckets = m.buckets();
        ModelResult.Table hosts = r.tables().get(HOSTS_TABLE);
        for (int h = 0; h < m.hosts().size(); h++) {
          String zone = text(hosts, h, "zone");
          String hostModel = text(hosts, h, "model");
          for (int k = 0; k < buckets; k++) {
            long from = StepSeries.boundary(m.horizonNanos(), buckets, k);
            long to = StepSeries.boundary(m.horizonNanos(), buckets, k + 1);
            rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(), h, m.hosts().get(h), zone, hostModel, k,
                SimTime.toSeconds(from), SimTime.toSeconds(to - from), m.utilisation().get(h).get(k)));
          }
        }
      }
    }
    return rows;
  }

  /** Returns the text cell of {@code column} in row {@code row} of {@code table}, or null when there is none. */
  private static String text(ModelResult.Table table, int row, String column) {
    if (table == null || row >= table.rows().size() || !table.columns().contains(column)) return null;
    return table.cell(row, column) instanceof String s ? s : null;
  }
}
