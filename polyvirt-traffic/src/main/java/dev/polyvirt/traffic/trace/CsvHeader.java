package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The header line of a trace: column names to positions, so that formats read columns by name
 * (in any order, extra columns ignored) and a missing one is reported with the expected header.
 */
final class CsvHeader {
  private final CsvLine line;
  private final Map<String, Integer> columns = new HashMap<>();
  private final String expected;

  private CsvHeader(CsvLine line, String expected) {
    this.line = line;
    this.expected = expected;
    for (int i = line.size() - 1; i >= 0; i--) columns.put(line.text(i).toLowerCase(Locale.ROOT), i);
  }

  /** Reads the header from the first line of {@code in}; {@code expected} is the header the format documents. */
  static CsvHeader read(TraceInput in, String expected) throws SpecException {
    if (!in.advance()) {
      throw SpecException.of(in.mark(1), "the trace file is empty; expected a header line: " + expected,
          "the first line names the columns, e.g. " + expected);
    }
    return new CsvHeader(new CsvLine(in.file()).reset(in.lineNumber(), in.text()), expected);
  }

  /** Returns a header for a file without one whose columns are {@code names}, in order (SWF's fixed fields). */
  static CsvHeader fixed(String file, List<String> names, String expected) {
    return new CsvHeader(new CsvLine(file).reset(0, String.join(",", names)), expected);
  }

  /** Returns the position of the column {@code name} (case-insensitive), reporting it missing otherwise. */
  int require(String name, String hint) throws SpecException {
    Integer i = columns.get(name.toLowerCase(Locale.ROOT));
    if (i != null) return i;
    throw SpecException.of(line.endMark(), "missing column '" + name + "'; expected a header like: " + expected,
        hint + "; found columns: " + String.join(",", found()));
  }

  /** Returns the position of the column {@code name} when the file has it. */
  OptionalInt optional(String name) {
    Integer i = columns.get(name.toLowerCase(Locale.ROOT));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** Returns the number of columns. */
  int size() {
    return line.size();
  }

  private List<String> found() {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(line.size(), 8); i++) names.add(line.text(i));
    if (line.size() > 8) names.add("… (" + line.size() + " columns)");
    return names;
  }
}
