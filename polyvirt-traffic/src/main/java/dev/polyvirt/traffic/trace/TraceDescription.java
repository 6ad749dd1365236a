package dev.polyvirt.traffic.trace;

import java.util.List;

/** Words a trace selection for reports: "function 063ba6f3c1d4 (http)", "app 228ef3c9f06c: 3 functions". */
final class TraceDescription {
  private TraceDescription() {}

  /** Describes which functions of the trace are replayed. */
  static String of(TraceQuery query, List<TraceFunction> functions) {
    if (functions.size() == 1 && query.functionId().isPresent()) {
      TraceFunction f = functions.get(0);
      return "function " + f.shortId() + (f.trigger().equals(TraceFunction.UNKNOWN_TRIGGER) ? "" : " (" + f.trigger() + ")");
    }
    StringBuilder s = new StringBuilder();
    query.app().ifPresent(a -> s.append("app ").append(functions.isEmpty() ? a.value() : shortApp(functions.get(0))).append(": "));
    s.append(query.everyFunction() ? "every function, one workload each (" + functions.size() + ")"
        : functions.size() == 1 ? "1 function" : functions.size() + " functions");
    query.trigger().ifPresent(t -> s.append(" triggered by ").append(t.value()));
    return s.toString();
  }

  private static String shortApp(TraceFunction f) {
    return f.app().length() <= 12 ? f.app() : f.app().substring(0, 12);
  }
}
