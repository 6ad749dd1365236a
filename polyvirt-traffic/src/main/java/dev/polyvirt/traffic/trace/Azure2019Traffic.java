package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The replay of functions of one day of the Azure Functions 2019 trace: each function's
 * per-minute counts spread inside their minutes ({@link MinuteArrivals}), several functions
 * superposed in time order ({@link MergedArrivals}). Time zero is the day's first minute; the span
 * is the day. Durations come from the durations file's percentiles, memory from the app memory
 * file; for several functions both are mixtures weighted by invocations.
 *
 * <p>{@link #memoryBytes()} is the 99th percentile of allocated memory of the function's app (the
 * largest over the apps selected): what an instance must hold with 1 % of samples above it.
 * MB in the trace are taken as MiB (2^20 bytes), as FaaS memory sizes are.
 */
final class Azure2019Traffic implements TraceTraffic {
  static final long DAY = Azure2019Invocations.MINUTES * MinuteCounts.MINUTE;
  private static final double MEMORY_PERCENTILE = 0.99;
  private final TraceQuery query;
  private final String file;
  private final List<TraceFunction> functions;
  private final List<MinuteCounts> counts;
  private final List<Optional<PercentileCurve>> durationsMs;
  private final List<Optional<PercentileCurve>> memoryMb;
  private final long[] perMinute = new long[Azure2019Invocations.MINUTES];
  private final long total;
  private final Optional<PercentileCurve> durationMixture;
  private final Optional<PercentileCurve> memoryMixture;

  Azure2019Traffic(TraceQuery query, String file, List<TraceFunction> functions, List<MinuteCounts> counts,
      List<Optional<PercentileCurve>> durationsMs, List<Optional<PercentileCurve>> memoryMb) {
    this.query = query;
    this.file = file;
    this.functions = List.copyOf(functions);
    this.counts = List.copyOf(counts);
    this.durationsMs = List.copyOf(durationsMs);
    this.memoryMb = List.copyOf(memoryMb);
    long sum = 0;
    for (MinuteCounts c : counts) {
      c.addTo(perMinute);
      sum += c.total();
    }
    this.total = sum;
    this.durationMixture = mixture(this.durationsMs);
    this.memoryMixture = mixture(this.memoryMb);
  }

  @Override
  public TraceArrivals arrivals(UniformRandomProvider rng, long horizonNanos) {
    List<MinuteArrivals> streams = new ArrayList<>();
    for (MinuteCounts c : counts) streams.add(new MinuteArrivals(c, query.spreadOrDefault(), rng));
    return new MergedArrivals(streams, Math.min(horizonNanos, DAY));
  }

  @Override
  public double expectedRequests(long horizonNanos) {
    if (horizonNanos <= 0) return 0;
    if (horizonNanos >= DAY) return total;
    int whole = (int) (horizonNanos / MinuteCounts.MINUTE);
    double n = 0;
    for (int m = 0; m < whole; m++) n += perMinute[m];
    return n + perMinute[whole] * (double) (horizonNanos % MinuteCounts.MINUTE) / MinuteCounts.MINUTE;
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    return horizonNanos <= 0 ? 0 : expectedRequests(horizonNanos) / SimTime.toSeconds(horizonNanos);
  }

  /** Returns the rate within the busiest minute. */
  @Override
  public double peakRatePerSecond() {
    long most = 0;
    for (long c : perMinute) most = Math.max(most, c);
    return most / 60.0;
  }

  /** Returns the most requests in any window of whole minutes plus a share of the next, inside the horizon. */
  @Override
  public double peakRequestsWithin(long windowNanos, long horizonNanos) {
    int minutes = (int) Math.min(Azure2019Invocations.MINUTES, (Math.min(horizonNanos, DAY) + MinuteCounts.MINUTE - 1) / MinuteCounts.MINUTE);
    long w = Math.min(windowNanos, Math.min(horizonNanos, DAY));
    int whole = (int) (w / MinuteCounts.MINUTE);
    double share = (double) (w % MinuteCounts.MINUTE) / MinuteCounts.MINUTE;
    double most = 0;
    for (int start = 0; start < minutes; start++) {
      double n = 0;
      for (int m = start; m < Math.min(minutes, start + whole); m++) n += perMinute[m];
      if (start + whole < minutes) n += share * perMinute[start + whole];
      most = Math.max(most, n);
    }
    return most;
  }

  /** Returns true for the Poisson spread, false for the evenly spaced one. */
  @Override
  public boolean random() {
    return query.spreadOrDefault() == Spread.POISSON;
  }

  @Override
  public Optional<Distribution> duration() {
    return durationMixture.map(c -> c.toEmpirical(SimTime.NANOS_PER_MILLI));
  }

  @Override
  public OptionalLong memoryBytes() {
    double most = -1;
    for (Optional<PercentileCurve> m : memoryMb) if (m.isPresent()) most = Math.max(most, m.get().quantile(MEMORY_PERCENTILE));
    return most < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(most * 1024 * 1024));
  }

  @Override
  public Optional<PercentileCurve> memoryCurveMb() {
    return memoryMixture;
  }

  @Override
  public String describe() {
    return "azure-functions-2019 " + file + ": " + TraceDescription.of(query, functions) + ", " + total + " requests in 1d ("
        + query.spreadOrDefault().key() + " within each minute)";
  }

  @Override
  public TraceQuery query() {
    return query;
  }

  @Override
  public List<TraceFunction> functions() {
    return functions;
  }

  @Override
  public long span() {
    return DAY;
  }

  /** Splits from memory, without reading the files again. */
  @Override
  public List<TraceTraffic> split() {
    List<TraceTraffic> out = new ArrayList<>();
    for (int f = 0; f < functions.size(); f++) {
      out.add(new Azure2019Traffic(query.withFunction(functions.get(f).id()), file, List.of(functions.get(f)),
          List.of(counts.get(f)), List.of(durationsMs.get(f)), List.of(memoryMb.get(f))));
    }
    return out;
  }

  private Optional<PercentileCurve> mixture(List<Optional<PercentileCurve>> curves) {
    List<PercentileCurve> parts = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    for (int f = 0; f < curves.size(); f++) {
      if (curves.get(f).isEmpty()) continue;
      parts.add(curves.get(f).get());
      weights.add(counts.get(f).total());
    }
    if (parts.isEmpty()) return Optional.empty();
    return Optional.of(PercentileCurve.mixture(parts, weights.stream().mapToLong(Long::longValue).toArray()));
  }
}
