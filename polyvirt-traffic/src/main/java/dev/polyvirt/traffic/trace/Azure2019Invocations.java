package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;
import java.nio.file.Path;

/**
 * Reads the invocations file of the Azure Functions 2019 trace (Shahrad et al., "Serverless in
 * the Wild", USENIX ATC 2020) one function per row: HashOwner, HashApp, HashFunction, Trigger,
 * then the invocations in each minute of the day, columns "1" to "1440". Every row is validated
 * as it is read; only the current row's counts are held.
 */
final class Azure2019Invocations implements AutoCloseable {
  static final int MINUTES = 1440;
  static final String HEADER = "HashOwner,HashApp,HashFunction,Trigger,1,2,…,1440";
  private static final String ROW_HINT = "each row is HashOwner,HashApp,HashFunction,Trigger and 1440 per-minute counts;"
      + " the file may be cut short: take it again from the published trace";
  private final TraceInput in;
  private final CsvLine line;
  private final int owner;
  private final int app;
  private final int function;
  private final int trigger;
  private final int firstMinute;
  private final int columns;
  private final int[] counts = new int[MINUTES];
  private long total;

  private Azure2019Invocations(TraceInput in, CsvHeader header) throws SpecException {
    this.in = in;
    this.line = new CsvLine(in.file());
    String hint = "the invocations file starts with the header " + HEADER;
    owner = header.require("HashOwner", hint);
    app = header.require("HashApp", hint);
    function = header.require("HashFunction", hint);
    trigger = header.require("Trigger", hint);
    firstMinute = header.require("1", hint);
    int last = header.require(Integer.toString(MINUTES), hint);
    if (last != firstMinute + MINUTES - 1) {
      throw SpecException.of(new Mark(in.file(), 1, 1), "the minute columns must run 1, 2, … 1440 in order",
          "the file is not the published invocations file; " + hint);
    }
    columns = header.size();
  }

  /** Opens the file; a missing file is reported at {@code where}. */
  static Azure2019Invocations open(Path file, Mark where) throws SpecException {
    TraceInput in = TraceInput.open(file, where);
    try {
      return new Azure2019Invocations(in, CsvHeader.read(in, HEADER));
    } catch (SpecException e) {
      in.close();
      throw e;
    }
  }

  /** Reads and validates the next row; returns false at the end of the file. */
  boolean next() throws SpecException {
    do {
      if (!in.advance()) return false;
    } while (in.text().isBlank());
    line.reset(in.lineNumber(), in.text());
    if (line.size() < columns) {
      throw SpecException.of(line.endMark(), "row has " + line.size() + " columns, expected " + columns
          + " (HashOwner, HashApp, HashFunction, Trigger and 1440 per-minute counts)", ROW_HINT);
    }
    if (line.size() > columns) {
      throw line.problem(columns, "row has " + line.size() + " columns, expected " + columns, ROW_HINT);
    }
    total = 0;
    for (int m = 0; m < MINUTES; m++) {
      long c = line.count(firstMinute + m, "the invocations in minute " + (m + 1),
          "counts are whole numbers of invocations per minute, 0 or more");
      if (c > Integer.MAX_VALUE) throw line.problem(firstMinute + m, "count " + c + " is too large for one minute", ROW_HINT);
      counts[m] = (int) c;
      total += c;
    }
    return true;
  }

  String owner() {
    return line.text(owner);
  }

  String app() {
    return line.text(app);
  }

  String function() {
    return line.text(function);
  }

  String trigger() {
    return line.text(trigger);
  }

  /** Returns the current row's per-minute counts (the array is reused for the next row). */
  int[] counts() {
    return counts;
  }

  /** Returns the current row's invocations over the day. */
  long total() {
    return total;
  }

  /** Returns the function of the current row as a trace function. */
  TraceFunction traceFunction() {
    return new TraceFunction(function(), app(), trigger(), total);
  }

  @Override
  public void close() {
    in.close();
  }
}
