package dev.polyvirt.traffic.trace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a user asked of a trace: its format and file, which functions to replay, and how.
 * Built from a spec's {@code traffic: {trace: {...}}} by {@link TraceSpec}, or in code with
 * {@link #of} and the {@code with...} methods (the command line does this); each value keeps its
 * mark so that a problem points where it was written.
 *
 * <p>Selectors combine (all must match): {@code function} (an id, a unique prefix of at least six
 * characters, or {@value #EVERY_FUNCTION}), {@code app}, {@code trigger}. With none, every function
 * of the file is replayed together. {@code day}, {@code spread}, {@code durations} and
 * {@code memory} apply to {@code azure-functions-2019} only. Paths are already resolved.
 */
public record TraceQuery(String format, Marked<Path> path, Optional<Marked<String>> function,
    Optional<Marked<String>> app, Optional<Marked<String>> trigger, Optional<Marked<Integer>> day,
    Optional<Marked<Spread>> spread, Optional<Marked<Path>> durations, Optional<Marked<Path>> memory) {
  /** The {@code function:} value that makes every function its own workload. */
  public static final String EVERY_FUNCTION = "*";

  /** Returns a query for every function of the trace at {@code path}, with default settings. */
  public static TraceQuery of(String format, Path path) {
    return new TraceQuery(format, Marked.of(path, path.toString()), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns the query selecting the function {@code id} (or a unique prefix of it). */
  public TraceQuery withFunction(String id) {
    Marked<String> f = new Marked<>(id, function.map(Marked::mark).orElse(path.mark()));
    return new TraceQuery(format, path, Optional.of(f), app, trigger, day, spread, durations, memory);
  }

  /** Returns the query selecting the functions of app {@code id}. */
  public TraceQuery withApp(String id) {
    return new TraceQuery(format, path, function, Optional.of(Marked.of(id, "app")), trigger, day, spread, durations, memory);
  }

  /** Returns the query selecting the functions with trigger {@code name}. */
  public TraceQuery withTrigger(String name) {
    return new TraceQuery(format, path, function, app, Optional.of(Marked.of(name, "trigger")), day, spread, durations, memory);
  }

  /** Returns the query reading day {@code n} of a multi-day trace. */
  public TraceQuery withDay(int n) {
    return new TraceQuery(format, path, function, app, trigger, Optional.of(Marked.of(n, "day")), spread, durations, memory);
  }

  /** Returns the query placing per-minute invocations by {@code s}. */
  public TraceQuery withSpread(Spread s) {
    return new TraceQuery(format, path, function, app, trigger, day, Optional.of(Marked.of(s, "spread")), durations, memory);
  }

  /** Returns the query reading durations from {@code file} instead of the file found beside the trace. */
  public TraceQuery withDurations(Path file) {
    return new TraceQuery(format, path, function, app, trigger, day, spread, Optional.of(Marked.of(file, file.toString())), memory);
  }

  /** Returns the query reading memory from {@code file} instead of the file found beside the trace. */
  public TraceQuery withMemory(Path file) {
    return new TraceQuery(format, path, function, app, trigger, day, spread, durations, Optional.of(Marked.of(file, file.toString())));
  }

  /** Returns true when {@code function: "*"} asks for every function as its own workload. */
  public boolean everyFunction() {
    return function.map(f -> f.value().equals(EVERY_FUNCTION)).orElse(false);
  }

  /** Returns the function selector, unless it is absent or {@value #EVERY_FUNCTION}. */
  public Optional<Marked<String>> functionId() {
    return everyFunction() ? Optional.empty() : function;
  }

  /** Returns the spread asked for, {@link Spread#POISSON} by default. */
  public Spread spreadOrDefault() {
    return spread.map(Marked::value).orElse(Spread.POISSON);
  }
}
