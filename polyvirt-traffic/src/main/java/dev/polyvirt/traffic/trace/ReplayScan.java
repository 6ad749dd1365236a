package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The two reading passes that bind a per-request trace, each in constant memory per function.
 * The first lists every function and finds the file's clock origin (its earliest start, which
 * becomes time zero) and span. The second, over the selected functions only, counts them and
 * measures the file's <i>lateness</i> — how far a start can fall behind the latest start read
 * before it — which bounds the {@link ReorderBuffer} of a replay exactly; it also gathers the
 * duration and memory distributions ({@link ValueCounts}: exact for few distinct values, else to 3 significant digits).
 */
final class ReplayScan {
  private static final double[] PERCENTILES = {0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};

  private ReplayScan() {}

  /** Every function of a trace, its clock origin and its span. */
  record Catalogue(List<TraceFunction> functions, long originNanos, long spanNanos) {}

  /** The selection's figures: requests, lateness and what the rows record. */
  record Summary(long requests, long latenessNanos, Optional<PercentileCurve> durationsMs, boolean everyDuration,
      Optional<PercentileCurve> memoryMb, OptionalLong memoryP99Bytes) {}

  /** Reads the whole file once, validating every row. */
  static Catalogue catalogue(Path file, TraceQuery q, ReplayFile.Layout layout) throws SpecException {
    Map<String, TraceFunction> functions = new LinkedHashMap<>();
    long first = Long.MAX_VALUE;
    long lastStart = Long.MIN_VALUE;
    long lastEnd = Long.MIN_VALUE;
    ReplayRow row = new ReplayRow();
    try (ReplayFile rows = ReplayFile.open(file, q, layout)) {
      while (rows.next(row)) {
        TraceFunction f = functions.get(row.function);
        functions.put(row.function, f == null ? new TraceFunction(row.function, row.app, TraceFunction.UNKNOWN_TRIGGER, 1) : f.plus(1));
        first = Math.min(first, row.startNanos);
        lastStart = Math.max(lastStart, row.startNanos);
        lastEnd = Math.max(lastEnd, row.endNanos());
      }
    }
    if (functions.isEmpty()) return new Catalogue(List.of(), 0, 0);
    long span = Math.max(lastEnd - first, lastStart - first + 1);
    return new Catalogue(new ArrayList<>(functions.values()), first, span);
  }

  /** Reads the file again for the selected functions ({@code index}: id to position). */
  static Summary summary(Path file, TraceQuery q, ReplayFile.Layout layout, Map<String, Integer> index) throws SpecException {
    long requests = 0;
    long latest = Long.MIN_VALUE;
    long lateness = 0;
    boolean everyDuration = true;
    boolean everyMemory = true;
    ValueCounts durationsMicros = new ValueCounts();
    ValueCounts memoryKib = new ValueCounts();
    ReplayRow row = new ReplayRow();
    try (ReplayFile rows = ReplayFile.open(file, q, layout)) {
      while (rows.next(row)) {
        if (!index.containsKey(row.function)) continue;
        requests++;
        if (latest != Long.MIN_VALUE) lateness = Math.max(lateness, latest - row.startNanos);
        latest = Math.max(latest, row.startNanos);
        if (row.durationNanos >= 0) durationsMicros.record(Math.round(row.durationNanos / 1e3));
        else everyDuration = false;
        if (row.memoryBytes >= 0) memoryKib.record(Math.round(row.memoryBytes / 1024.0));
        else everyMemory = false;
      }
    }
    Optional<PercentileCurve> durations = curve(durationsMicros, 1e3);
    Optional<PercentileCurve> memory = everyMemory ? curve(memoryKib, 1024) : Optional.empty();
    OptionalLong p99 = memory.isPresent() ? OptionalLong.of(Math.round(memory.get().quantile(0.99) * 1024 * 1024)) : OptionalLong.empty();
    return new Summary(requests, lateness, durations, everyDuration && requests > 0, memory, p99);
  }

  /** Returns the curve through the histogram's percentiles, its values divided by {@code perUnit}. */
  private static Optional<PercentileCurve> curve(ValueCounts counts, double perUnit) {
    if (counts.count() == 0) return Optional.empty();
    double[] v = new double[PERCENTILES.length];
    for (int i = 0; i < v.length; i++) v[i] = counts.quantile(PERCENTILES[i]) / perUnit;
    return Optional.of(PercentileCurve.of(PERCENTILES, v));
  }
}
