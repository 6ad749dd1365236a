package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.SpecException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/**
 * {@code format: csv}: a generic request log, read by its header. {@code timestamp} (required):
 * the request's start, in seconds as a number (e.g. Unix time, 1714564800.25) or ISO-8601
 * (2024-05-01T12:00:00Z, 2024-05-01T14:00:00+02:00; without an offset, UTC). Optional:
 * {@code duration_ms} (then every arrival carries its duration), {@code memory_mb},
 * {@code function} (selects with {@code function:}; without it the file is one function named
 * after the file) and {@code app}. Rows may come in any order: the replay puts them in start order
 * with a reorder buffer bounded by the file's disorder (measured when bound), so a sorted file
 * costs nothing and a shuffled one costs memory in proportion to how far rows stray.
 */
final class CsvTraceFormat extends ReplayFormat {
  private static final String HEADER = "timestamp[,duration_ms][,memory_mb][,function][,app]";
  private static final String TIME_HINT = "write seconds as a number (1714564800.25) or ISO-8601 (2024-05-01T12:00:00Z)";

  @Override
  public String name() {
    return "csv";
  }

  @Override
  ReplayFile.Layout layout(TraceQuery query) {
    String whole = query.path().value().getFileName().toString();
    return new ReplayFile.Layout() {
      @Override
      public String expectedHeader() {
        return HEADER;
      }

      @Override
      public ReplayFile.Columns columns(CsvHeader header) throws SpecException {
        int timestamp = header.require("timestamp", "the first line names the columns; 'timestamp' is required");
        OptionalInt duration = header.optional("duration_ms");
        OptionalInt memory = header.optional("memory_mb");
        OptionalInt function = header.optional("function");
        OptionalInt app = header.optional("app");
        if (function.isEmpty() && query.functionId().isPresent()) {
          throw SpecException.of(query.function().get().mark(), "the trace has no 'function' column to select by",
              "leave out function:, or add a function column to the file");
        }
        if (app.isEmpty() && query.app().isPresent()) {
          throw SpecException.of(query.app().get().mark(), "the trace has no 'app' column to select by",
              "leave out app:, or add an app column to the file");
        }
        return (line, row) -> {
          row.startNanos = timestamp(line, timestamp);
          row.durationNanos = duration.isPresent() ? nonNegative(line, duration.getAsInt(), SimTime.NANOS_PER_MILLI, "duration_ms") : -1;
          row.memoryBytes = memory.isPresent() ? nonNegative(line, memory.getAsInt(), 1L << 20, "memory_mb") : -1;
          row.function = function.isPresent() ? line.text(function.getAsInt()) : whole;
          row.app = app.isPresent() ? line.text(app.getAsInt()) : "";
        };
      }
    };
  }

  private static long nonNegative(CsvLine line, int i, long scale, String column) throws SpecException {
    long v = line.scaled(i, scale, column, "a plain number of zero or more, e.g. 120");
    if (v < 0) throw line.problem(i, "'" + column + "' must be zero or more, found " + line.text(i), "e.g. 120");
    return v;
  }

  /** Reads a timestamp as nanoseconds since the Unix epoch (or since whatever zero the numbers count from). */
  private static long timestamp(CsvLine line, int i) throws SpecException {
    String text = line.text(i);
    if (text.indexOf('-', 1) < 0 && text.indexOf(':') < 0) {
      try {
        return line.scaled(i, SimTime.NANOS_PER_SECOND, "a timestamp", TIME_HINT);
      } catch (SpecException e) {
        throw line.problem(i, "expected a timestamp, found '" + text + "'", TIME_HINT);
      }
    }
    try {
      Instant t;
      if (text.endsWith("Z") || text.endsWith("z")) t = Instant.parse(text.toUpperCase(java.util.Locale.ROOT));
      else if (text.matches(".*[+-]\\d\\d:?\\d\\d$") && text.indexOf('T') > 0) t = OffsetDateTime.parse(text).toInstant();
      else t = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), SimTime.NANOS_PER_SECOND), t.getNano());
    } catch (DateTimeException | ArithmeticException e) {
      throw line.problem(i, "expected a timestamp, found '" + text + "'", TIME_HINT);
    }
  }
}
