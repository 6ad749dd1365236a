package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.util.List;

/**
 * One trace file format (the extension point): its name as written in {@code format:}, the
 * selection keys it understands, and a reader that binds a query to a {@link TraceTraffic}.
 *
 * <p>Readers stream: they hold the current line and what is active (per-function state, requests
 * whose start order is not yet settled), never a list of every invocation. Adding a format is one
 * class implementing this interface plus one line in {@link TraceFormats}.
 */
public interface TraceFormat {
  /** Returns the name users write in {@code format:}, e.g. "azure-functions-2019". */
  String name();

  /** Returns the keys this format reads besides {@code format} and {@code path}, e.g. function, app. */
  List<String> keys();

  /** Reads (and validates) the trace the query names and binds the selected functions' traffic. */
  TraceTraffic bind(TraceQuery query) throws SpecException;

  /** Lists every function of the trace the query names, in file order, ignoring its selectors. */
  List<TraceFunction> functions(TraceQuery query) throws SpecException;
}
