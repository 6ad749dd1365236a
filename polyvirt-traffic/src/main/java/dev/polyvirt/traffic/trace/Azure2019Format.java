package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code format: azure-functions-2019}: one day of the Azure Functions trace of Shahrad et al.
 * (USENIX ATC 2020) — per-minute invocation counts per function, joined with the function's
 * duration percentiles and its app's memory percentiles (files located by {@link Azure2019Files}).
 * Selects by {@code function}, {@code app} and {@code trigger}; {@code spread} places each
 * minute's invocations (default poisson). Binding reads the invocations file once, validating
 * every row, and keeps the selected functions' counts.
 */
final class Azure2019Format implements TraceFormat {
  static final List<String> TRIGGERS = List.of("http", "queue", "event", "timer", "orchestration", "storage", "others");

  @Override
  public String name() {
    return "azure-functions-2019";
  }

  @Override
  public List<String> keys() {
    return List.of("function", "app", "trigger", "day", "spread", "durations", "memory");
  }

  @Override
  public TraceTraffic bind(TraceQuery q) throws SpecException {
    if (q.trigger().isPresent() && !TRIGGERS.contains(q.trigger().get().value())) {
      String t = q.trigger().get().value();
      throw SpecException.of(q.trigger().get().mark(), "unknown trigger '" + t + "'",
          Fields.suggestion(t, TRIGGERS).map(s -> "did you mean '" + s + "'? ").orElse("") + "triggers: " + String.join(", ", TRIGGERS));
    }
    Azure2019Files files = Azure2019Files.locate(q);
    Selection selection = new Selection(q, files.invocations().toString());
    List<Row> admitted = new ArrayList<>();
    try (Azure2019Invocations rows = Azure2019Invocations.open(files.invocations(), q.path().mark())) {
      while (rows.next()) {
        if (selection.admits(rows.function(), rows.app(), rows.trigger())) {
          admitted.add(new Row(rows.owner(), rows.traceFunction(), MinuteCounts.of(rows.counts())));
        }
      }
    }
    List<Row> kept = selection.resolve(admitted, r -> r.function().id(), r -> r.function().app());
    Set<String> functionKeys = new HashSet<>();
    Set<String> appKeys = new HashSet<>();
    for (Row r : kept) {
      functionKeys.add(r.key());
      appKeys.add(Azure2019Percentiles.key(r.owner(), r.function().app()));
    }
    Map<String, PercentileCurve> durations = files.durations().isPresent()
        ? Azure2019Percentiles.durations(files.durations().get(), functionKeys) : Map.of();
    Map<String, PercentileCurve> memory = files.memory().isPresent()
        ? Azure2019Percentiles.memory(files.memory().get(), appKeys) : Map.of();
    List<Optional<PercentileCurve>> durationsMs = new ArrayList<>();
    List<Optional<PercentileCurve>> memoryMb = new ArrayList<>();
    for (Row r : kept) {
      durationsMs.add(Optional.ofNullable(durations.get(r.key())));
      PercentileCurve m = memory.get(r.key());
      memoryMb.add(Optional.ofNullable(m != null ? m : memory.get(Azure2019Percentiles.key(r.owner(), r.function().app()))));
    }
    return new Azure2019Traffic(q, files.invocations().getFileName().toString(), kept.stream().map(Row::function).toList(),
        kept.stream().map(Row::counts).toList(), durationsMs, memoryMb);
  }

  @Override
  public List<TraceFunction> functions(TraceQuery q) throws SpecException {
    Path file = Azure2019Files.locate(q).invocations();
    List<TraceFunction> out = new ArrayList<>();
    try (Azure2019Invocations rows = Azure2019Invocations.open(file, q.path().mark())) {
      while (rows.next()) out.add(rows.traceFunction());
    }
    return out;
  }

  /** One admitted row: the function, its owner (part of the join key) and its counts. */
  private record Row(String owner, TraceFunction function, MinuteCounts counts) {
    String key() {
      return Azure2019Percentiles.key(owner, function.app(), function.id());
    }
  }
}
