package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.SpecException;
import java.util.List;
import java.util.Optional;

/**
 * The registry of trace formats: format name to reader. Unknown names fail with the list of
 * registered ones and the closest as a suggestion.
 */
public final class TraceFormats {
  private static final List<TraceFormat> FORMATS = List.of(
      new Azure2019Format(),
      new Azure2021Format(),
      new CsvTraceFormat(),
      new SwfTraceFormat());

  private TraceFormats() {}

  /** Returns the names of every format, in registration order. */
  public static List<String> names() {
    return FORMATS.stream().map(TraceFormat::name).toList();
  }

  /** Finds the format registered under {@code name}. */
  public static Optional<TraceFormat> format(String name) {
    return FORMATS.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Returns the format named by the query, or throws a problem naming the valid ones. */
  public static TraceFormat require(TraceQuery query, Marked<String> where) throws SpecException {
    Optional<TraceFormat> f = format(query.format());
    if (f.isPresent()) return f.get();
    throw SpecException.of(where.mark(), "unknown trace format '" + query.format() + "'",
        Fields.suggestion(query.format(), names()).map(s -> "did you mean '" + s + "'? ").orElse("")
            + "valid formats: " + String.join(", ", names()));
  }

  /** Binds the query's traffic, or throws every problem found (bad format, file, row or selection). */
  public static TraceTraffic bind(TraceQuery query) throws SpecException {
    return require(query, Marked.of(query.format(), "format")).bind(query);
  }

  /** Binds the query's traffic, adding any problem to {@code problems}; empty when it cannot. */
  public static Optional<TraceTraffic> bind(TraceQuery query, Problems problems) {
    try {
      return Optional.of(bind(query));
    } catch (SpecException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  /** Lists every function of the trace the query names (for expanding {@code function: "*"}). */
  public static List<TraceFunction> functions(TraceQuery query) throws SpecException {
    return require(query, Marked.of(query.format(), "format")).functions(query);
  }
}
