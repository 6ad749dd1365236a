package dev.polyvirt.results;

import static dev.polyvirt.results.Column.Type.BIGINT;
import static dev.polyvirt.results.Column.Type.DOUBLE;
import static dev.polyvirt.results.Column.Type.INTEGER;
import static dev.polyvirt.results.Column.Type.VARCHAR;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code series}: each simulated result's time series ({@code ModelResult.series}, the equal
 * intervals over the horizon that report.html draws), one row per interval, so instances against
 * traffic or cold starts over time can be queried and summed like any other figure.
 */
final class SeriesTable implements RunTable {
  @Override
  public String name() {
    return "series";
  }

  @Override
  public String doc() {
    return "One row per interval of a simulated result's time series (200 equal intervals over the horizon);"
        + " `arrivals` and `cold_starts` sum to the result's `requests` and `cold_starts`.";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.of("run_id", VARCHAR, "The run."),
        Column.of("workload", VARCHAR, "The workload."),
        Column.of("model", VARCHAR, "The model simulated."),
        Column.of("bucket", INTEGER, "The interval's index, from 0."),
        Column.of("start_s", DOUBLE, "When the interval starts, seconds from the start of the simulation."),
        Column.of("bucket_s", DOUBLE, "The interval's length in seconds (the same for every interval of a result)."),
        Column.of("instances", DOUBLE, "Mean instances alive over the interval (time-weighted, exact)."),
        Column.of("peak_instances", BIGINT, "The most instances alive at once in the interval."),
        Column.of("utilization", DOUBLE, "Busy over alive capacity in the interval, 0–1."),
        Column.of("arrivals", BIGINT, "Requests that arrived in the interval."),
        Column.of("cold_starts", BIGINT, "Cold starts in the interval (the last one also holds those of requests drained after the horizon)."));
  }

  @Override
  public List<List<Object>> rows(StoredRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (WorkloadPlan w : run.plan().workloads()) {
      for (ModelResult r : w.results()) {
        ModelResult.Series s = r.series();
        double bucket = (double) s.bucketNanos() / SimTime.NANOS_PER_SECOND;
        for (int k = 0; k < s.buckets(); k++) {
          rows.add(Arrays.asList(run.id().value(), w.workload().workload().name(), r.model(), k, k * bucket, bucket,
              s.instances().get(k), s.peakInstances().get(k), s.utilization().get(k), s.arrivals().get(k), s.coldStarts().get(k)));
        }
      }
    }
    return rows;
  }
}
