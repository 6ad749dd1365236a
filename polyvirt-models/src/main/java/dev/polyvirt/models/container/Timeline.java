package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.pool.ServerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What a container run looked like over time, for the results' {@code timeline} table: ready and
 * provisioned pods and nodes sampled each minute, and the latency of the requests that arrived in
 * each row's span. Rows are hourly, plus one per minute from 2 minutes before to 15 minutes after
 * each marked moment (a rollout, a node failure), where things change fast.
 *
 * <p>Latency percentiles per row come from a log-bucketed histogram with 2 % wide buckets (enough
 * for a timeline; the run's overall figures keep the exact HdrHistogram).
 */
final class Timeline implements EventHandler, ServerPool.LatencyListener {
  private static final long MINUTE = SimTime.NANOS_PER_MINUTE;
  private static final double BUCKET = Math.log(1.02);
  private static final int BUCKETS = 1200; // 1 µs × 1.02^1200 ≈ 20 days

  private final Simulation sim;
  private final ServerPool pods;
  private final IntSupplier nodes;
  private final long horizon;
  private final int minutes;
  private final int[] ready;
  private final int[] provisioned;
  private final int[] nodeCount;
  private final List<long[]> rows = new ArrayList<>(); // {start, end}
  private final List<String> labels = new ArrayList<>();
  private final List<int[]> histograms = new ArrayList<>();
  private final int[] rowOfMinute;

  Timeline(Simulation sim, ServerPool pods, IntSupplier nodes, long horizon, List<long[]> marks) {
    this.sim = sim;
    this.pods = pods;
    this.nodes = nodes;
    this.horizon = horizon;
    this.minutes = (int) Math.max(1, (horizon + MINUTE - 1) / MINUTE);
    ready = new int[minutes];
    provisioned = new int[minutes];
    nodeCount = new int[minutes];
    rowOfMinute = new int[minutes];
    boolean[] fine = new boolean[minutes];
    for (long[] m : marks) {
      for (long t = m[0] - 2 * MINUTE; t < m[0] + 15 * MINUTE; t += MINUTE) if (t >= 0 && t / MINUTE < minutes) fine[(int) (t / MINUTE)] = true;
    }
    int m = 0;
    while (m < minutes) {
      int end = m + 1;
      if (!fine[m]) while (end < minutes && !fine[end] && end % 60 != 0) end++;
      rows.add(new long[] {m * MINUTE, Math.min(horizon, end * MINUTE)});
      labels.add(clock(m));
      histograms.add(new int[BUCKETS]);
      for (int k = m; k < end; k++) rowOfMinute[k] = rows.size() - 1;
      m = end;
    }
  }

  private static String clock(int minute) {
    String hm = String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60 % 24, minute % 60);
    return minute >= 1440 ? "d" + (minute / 1440 + 1) + " " + hm : hm;
  }

  void start() {
    sim.at(0, this, 0);
  }

  @Override
  public void onEvent(long minute) {
    int i = (int) minute;
    ready[i] = pods.ready();
    provisioned[i] = pods.provisioned();
    nodeCount[i] = nodes.getAsInt();
    if (i + 1 < minutes) sim.at((i + 1) * MINUTE, this, i + 1);
  }

  @Override
  public void served(long arrived, long latencyNanos) {
    if (arrived > horizon) return;
    int row = rowOfMinute[(int) Math.min(minutes - 1, arrived / MINUTE)];
    histograms.get(row)[bucket(latencyNanos)]++;
  }

  private static int bucket(long nanos) {
    double micros = Math.max(1, nanos / 1000.0);
    return (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / BUCKET));
  }

  private static double percentileMs(int[] h, double pct) {
    long total = 0;
    for (int c : h) total += c;
    if (total == 0) return 0;
    long rank = (long) Math.ceil(pct / 100 * total);
    long seen = 0;
    for (int b = 0; b < h.length; b++) {
      seen += h[b];
      if (seen >= rank) return Math.exp((b + 1) * BUCKET) / 1000; // the bucket's upper edge, in ms
    }
    return 0;
  }

  /** Returns the table: one row per span, with the minimum of the per-minute samples inside it for pods and nodes. */
  ModelResult.Table table() {
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      int from = (int) (rows.get(r)[0] / MINUTE), to = (int) Math.max(from + 1, (rows.get(r)[1] + MINUTE - 1) / MINUTE);
      int minReady = Integer.MAX_VALUE, maxProv = 0, maxNodes = 0;
      for (int k = from; k < Math.min(to, minutes); k++) {
        minReady = Math.min(minReady, ready[k]);
        maxProv = Math.max(maxProv, provisioned[k]);
        maxNodes = Math.max(maxNodes, nodeCount[k]);
      }
      int[] h = histograms.get(r);
      long requests = 0;
      for (int c : h) requests += c;
      out.add(List.of(labels.get(r), (double) Math.max(0, minReady == Integer.MAX_VALUE ? 0 : minReady), (double) maxProv,
          (double) maxNodes, (double) requests, round(percentileMs(h, 50)), round(percentileMs(h, 99))));
    }
    return new ModelResult.Table(List.of("from", "readyPodsMin", "podsMax", "nodesMax", "requests", "p50Ms", "p99Ms"), out)
        .withChart("readyPodsMin", "p99Ms");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
