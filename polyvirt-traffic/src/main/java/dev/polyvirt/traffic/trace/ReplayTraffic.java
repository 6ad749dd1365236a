package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The replay of a per-request trace (Azure Functions 2021, generic CSV): the selected functions'
 * recorded starts in time order, each with its recorded duration ({@link ReplayArrivals}). Time
 * zero is the file's earliest start, shared by every function of the file. Figures that need the
 * arrivals (the count before a shorter horizon, the peak within a window) replay the file and
 * are remembered.
 */
final class ReplayTraffic implements TraceTraffic {
  private final String format;
  private final TraceQuery query;
  private final Path file;
  private final ReplayFile.Layout layout;
  private final List<TraceFunction> functions;
  private final Map<String, Integer> index;
  private final ReplayScan.Catalogue catalogue;
  private final ReplayScan.Summary summary;
  private final Map<String, Long> remembered = new ConcurrentHashMap<>();

  ReplayTraffic(String format, TraceQuery query, Path file, ReplayFile.Layout layout, List<TraceFunction> functions,
      Map<String, Integer> index, ReplayScan.Catalogue catalogue, ReplayScan.Summary summary) {
    this.format = format;
    this.query = query;
    this.file = file;
    this.layout = layout;
    this.functions = List.copyOf(functions);
    this.index = Map.copyOf(index);
    this.catalogue = catalogue;
    this.summary = summary;
  }

  @Override
  public TraceArrivals arrivals(UniformRandomProvider rng, long horizonNanos) {
    return new ReplayArrivals(this, Math.min(horizonNanos, span()));
  }

  @Override
  public double expectedRequests(long horizonNanos) {
    if (horizonNanos <= 0) return 0;
    if (horizonNanos >= span()) return summary.requests();
    return remembered.computeIfAbsent("count " + horizonNanos, k -> SlidingPeak.count(this, horizonNanos));
  }

  @Override
  public double meanRatePerSecond(long horizonNanos) {
    return horizonNanos <= 0 ? 0 : expectedRequests(horizonNanos) / SimTime.toSeconds(horizonNanos);
  }

  /** Returns the most requests within any one second. */
  @Override
  public double peakRatePerSecond() {
    return peakRequestsWithin(SimTime.NANOS_PER_SECOND, span());
  }

  @Override
  public double peakRequestsWithin(long windowNanos, long horizonNanos) {
    long h = Math.min(horizonNanos, span());
    return remembered.computeIfAbsent("peak " + windowNanos + " " + h, k -> SlidingPeak.mostWithin(this, windowNanos, h));
  }

  /** Returns false: the recorded start times are replayed as they are. */
  @Override
  public boolean random() {
    return false;
  }

  @Override
  public Optional<Distribution> duration() {
    return summary.durationsMs().map(c -> c.toEmpirical(SimTime.NANOS_PER_MILLI));
  }

  @Override
  public boolean carriesDurations() {
    return summary.everyDuration() || duration().isPresent();
  }

  @Override
  public OptionalLong memoryBytes() {
    return summary.memoryP99Bytes();
  }

  @Override
  public Optional<PercentileCurve> memoryCurveMb() {
    return summary.memoryMb();
  }

  @Override
  public String describe() {
    return format + " " + file.getFileName() + ": " + TraceDescription.of(query, functions) + ", " + summary.requests()
        + " requests in " + SimTime.format(span());
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
    return catalogue.spanNanos();
  }

  ReplayFile open() throws SpecException {
    return ReplayFile.open(file, query, layout);
  }

  int indexOf(String function) {
    Integer i = index.get(function);
    return i == null ? -1 : i;
  }

  long originNanos() {
    return catalogue.originNanos();
  }

  long latenessNanos() {
    return summary.latenessNanos();
  }
}
