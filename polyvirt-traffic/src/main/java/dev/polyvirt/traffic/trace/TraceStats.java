package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.traffic.ArrivalProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A trace characterised the way Shahrad et al. (USENIX ATC 2020) characterise the Azure Functions
 * workload: requests and span, the per-minute request rate (p50, p90, p99, max over every minute of
 * the span, idle minutes included; nearest rank), the idle time between consecutive invocations of
 * the same function in bins (their Fig. 5 and 14; the share under 10 minutes is what a 10-minute
 * keep-alive keeps warm), duration and memory percentiles (of the arrivals' own figures where the
 * trace records them per request, else of the distributions it publishes), and the trigger mix (their Fig. 2:
 * share of functions and of invocations per trigger). One replay of the trace, memory
 * O(functions + minutes of the span).
 */
public record TraceStats(String describe, long requests, long spanNanos, int functions, int apps, Quantiles perMinute,
    List<IdleBin> idleTimes, double idleShareUnder10Minutes, Optional<Quantiles> durationMs, Optional<Quantiles> memoryMb,
    List<TriggerShare> triggers) {
  private static final long S = SimTime.NANOS_PER_SECOND;
  private static final long[] EDGES = {S, 10 * S, 60 * S, 600 * S, 3600 * S, 4 * 3600 * S};
  private static final String[] LABELS = {"<1s", "1s-10s", "10s-1m", "1m-10m", "10m-1h", "1h-4h", ">4h"};

  /** The 50th, 90th and 99th percentiles and the largest value, and the mean. */
  public record Quantiles(double p50, double p90, double p99, double max, double mean) {}

  /** Idle times in [{@code fromNanos}, {@code toNanos}) and how many there were ({@code toNanos} is MAX_VALUE for the last bin). */
  public record IdleBin(String label, long fromNanos, long toNanos, long count) {}

  /** One trigger's functions and invocations, with their shares of the whole (0–1). */
  public record TriggerShare(String trigger, long functions, double functionShare, long invocations, double invocationShare) {}

  /** Replays {@code traffic} once over its span and gathers its figures. */
  public static TraceStats of(TraceTraffic traffic, UniformRandomProvider rng) {
    List<TraceFunction> fs = traffic.functions();
    long[] last = new long[fs.size()];
    Arrays.fill(last, -1);
    long[] idle = new long[LABELS.length];
    int minutes = (int) Math.max(1, (traffic.span() + SimTime.NANOS_PER_MINUTE - 1) / SimTime.NANOS_PER_MINUTE);
    long[] perMinute = new long[minutes];
    long requests = 0;
    Recorded durations = new Recorded(1e3);
    Recorded memory = new Recorded(1024);
    try (TraceArrivals arrivals = traffic.arrivals(rng, traffic.span())) {
      for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
        requests++;
        if (arrivals.durationNanos() >= 0) durations.add(Math.round(arrivals.durationNanos() / 1e3));
        if (arrivals.memoryBytes() >= 0) memory.add(Math.round(arrivals.memoryBytes() / 1024.0));
        perMinute[(int) Math.min(minutes - 1, t / SimTime.NANOS_PER_MINUTE)]++;
        int f = arrivals.function();
        if (last[f] >= 0) idle[bin(t - last[f])]++;
        last[f] = t;
      }
    }
    long gaps = Arrays.stream(idle).sum();
    List<IdleBin> bins = new ArrayList<>();
    for (int b = 0; b < LABELS.length; b++) {
      bins.add(new IdleBin(LABELS[b], b == 0 ? 0 : EDGES[b - 1], b < EDGES.length ? EDGES[b] : Long.MAX_VALUE, idle[b]));
    }
    double under10 = gaps == 0 ? 0 : (double) (idle[0] + idle[1] + idle[2] + idle[3]) / gaps;
    Set<String> apps = new LinkedHashSet<>();
    for (TraceFunction f : fs) if (!f.app().isEmpty()) apps.add(f.app());
    return new TraceStats(traffic.describe(), requests, traffic.span(), fs.size(), apps.size(), ranks(perMinute), bins, under10,
        durations.quantiles().or(() -> traffic.duration().map(TraceStats::durationQuantiles)),
        memory.quantiles().or(() -> traffic.memoryCurveMb().map(TraceStats::curveQuantiles)), triggers(fs));
  }

  /** Values the arrivals carry (µs of duration, KiB of memory), reported in ms and MB. */
  private static final class Recorded {
    private final ValueCounts counts = new ValueCounts();
    private final double perReportedUnit;
    private double sum;

    Recorded(double perReportedUnit) {
      this.perReportedUnit = perReportedUnit;
    }

    void add(long value) {
      counts.record(value);
      sum += value;
    }

    Optional<Quantiles> quantiles() {
      if (counts.count() == 0) return Optional.empty();
      double u = perReportedUnit;
      return Optional.of(new Quantiles(counts.quantile(0.5) / u, counts.quantile(0.9) / u, counts.quantile(0.99) / u,
          counts.quantile(1) / u, sum / counts.count() / u));
    }
  }

  private static int bin(long gap) {
    int b = 0;
    while (b < EDGES.length && gap >= EDGES[b]) b++;
    return b;
  }

  /** Nearest-rank percentiles: the smallest value with at least p of all values at or below it. */
  static Quantiles ranks(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new Quantiles(rank(sorted, 0.5), rank(sorted, 0.9), rank(sorted, 0.99), sorted[sorted.length - 1], mean);
  }

  private static double rank(long[] sorted, double p) {
    return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
  }

  private static Quantiles durationQuantiles(Distribution d) {
    double ms = SimTime.NANOS_PER_MILLI;
    return new Quantiles(d.quantileNanos(0.5) / ms, d.quantileNanos(0.9) / ms, d.quantileNanos(0.99) / ms,
        d.quantileNanos(1) / ms, d.meanNanos() / ms);
  }

  private static Quantiles curveQuantiles(PercentileCurve c) {
    return new Quantiles(c.quantile(0.5), c.quantile(0.9), c.quantile(0.99), c.quantile(1), c.mean());
  }

  private static List<TriggerShare> triggers(List<TraceFunction> fs) {
    Map<String, long[]> by = new LinkedHashMap<>();
    long invocations = 0;
    for (TraceFunction f : fs) {
      long[] n = by.computeIfAbsent(f.trigger(), k -> new long[2]);
      n[0]++;
      n[1] += f.invocations();
      invocations += f.invocations();
    }
    List<TriggerShare> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : by.entrySet()) {
      long[] n = e.getValue();
      out.add(new TriggerShare(e.getKey(), n[0], (double) n[0] / fs.size(), n[1], invocations == 0 ? 0 : (double) n[1] / invocations));
    }
    out.sort(Comparator.comparingLong(TriggerShare::functions).reversed().thenComparing(TriggerShare::trigger));
    return out;
  }
}
