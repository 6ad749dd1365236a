package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code trace: {format, path, function, app, trigger, day, spread, durations, memory}}
 * into a {@link TraceQuery}, reporting every problem with its mark: a missing or unknown format
 * (with the registered ones), keys the chosen format does not read, misspelt keys. Paths are
 * resolved against {@code baseDir}, the spec file's folder.
 */
public final class TraceSpec {
  private static final List<String> KEYS = List.of("function", "app", "trigger", "day", "spread", "durations", "memory");
  private static final String EXAMPLE = "trace: {format: azure-functions-2019, path: traces/d01.csv, function: 063ba6f3c1d4}";

  private TraceSpec() {}

  /** Reads the value under {@code trace:}; empty when it holds a problem. */
  public static Optional<TraceQuery> query(Node node, Path baseDir, Problems problems) {
    Optional<Fields> opened = Fields.of(node, problems, "traffic.trace");
    if (opened.isEmpty()) return Optional.empty();
    Fields f = opened.get();
    int before = problems.all().size();
    Optional<Marked<String>> format = marked(f, "format").or(() -> {
      f.required("format", "write e.g. " + EXAMPLE + "; formats: " + String.join(", ", TraceFormats.names()));
      return Optional.empty();
    });
    Optional<Marked<Path>> path = marked(f, "path").map(p -> new Marked<>(baseDir.resolve(p.value()).normalize(), p.mark()));
    if (path.isEmpty()) f.required("path", "name the trace file, relative to the spec file's folder: " + EXAMPLE);
    Optional<TraceFormat> reader = format.flatMap(name -> {
      try {
        return Optional.of(TraceFormats.require(TraceQuery.of(name.value(), Path.of("")), name));
      } catch (dev.polyvirt.spec.SpecException e) {
        problems.addAll(e.problems());
        return Optional.empty();
      }
    });
    List<String> unsupported = new ArrayList<>();
    for (String key : KEYS) {
      if (f.has(key) && reader.isPresent() && !reader.get().keys().contains(key)) unsupported.add(key);
    }
    for (String key : unsupported) {
      problems.add(f.keyMark(key), "'" + key + "' does not apply to format " + reader.get().name(),
          "keys of " + reader.get().name() + ": format, path, " + String.join(", ", reader.get().keys()));
    }
    Optional<Marked<String>> function = marked(f, "function");
    Optional<Marked<String>> app = marked(f, "app");
    Optional<Marked<String>> trigger = marked(f, "trigger");
    OptionalLong dayNumber = f.integer("day", 1, 99);
    Optional<Marked<Integer>> day = dayNumber.isPresent()
        ? Optional.of(new Marked<>((int) dayNumber.getAsLong(), f.node("day").get().mark())) : Optional.empty();
    Optional<Marked<Spread>> spread = f.oneOf("spread", List.of("uniform", "poisson"))
        .map(s -> new Marked<>(Spread.valueOf(s.toUpperCase(java.util.Locale.ROOT)), f.node("spread").get().mark()));
    Optional<Marked<Path>> durations = marked(f, "durations").map(p -> new Marked<>(baseDir.resolve(p.value()).normalize(), p.mark()));
    Optional<Marked<Path>> memory = marked(f, "memory").map(p -> new Marked<>(baseDir.resolve(p.value()).normalize(), p.mark()));
    f.done();
    if (problems.all().size() > before || format.isEmpty() || path.isEmpty()) return Optional.empty();
    return Optional.of(new TraceQuery(format.get().value(), path.get(), function, app, trigger, day, spread, durations, memory));
  }

  /** Reads the query and binds it; empty when anything is wrong (every problem reported). */
  public static Optional<TraceTraffic> bind(Node node, Path baseDir, Problems problems) {
    return query(node, baseDir, problems).flatMap(q -> TraceFormats.bind(q, problems));
  }

  private static Optional<Marked<String>> marked(Fields f, String key) {
    return f.string(key).map(v -> new Marked<>(v, f.node(key).get().mark()));
  }
}
