package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;

/**
 * The rows of a per-request trace file in file order, each validated and read into a reused
 * {@link ReplayRow} by the format's {@link Columns}; blank lines are skipped.
 */
final class ReplayFile implements AutoCloseable {
  /** A format's reading of one row, its columns located from the header. */
  interface Columns {
    /** Reads the fields of {@code line} into {@code row}, reporting a bad value at its column. */
    void read(CsvLine line, ReplayRow row) throws SpecException;
  }

  /** A format's mapping of the header to its {@link Columns}. */
  interface Layout {
    /** Returns the header the format documents, for messages. */
    String expectedHeader();

    /** Locates the format's columns in {@code header}, reporting a missing one. */
    Columns columns(CsvHeader header) throws SpecException;

    /**
     * Returns the fixed columns of a file without a header line, whose fields are separated by
     * whitespace and whose comment lines start with ';' (the Standard Workload Format); empty for a
     * comma-separated file with a header (the default).
     */
    default java.util.List<String> fixedColumns() {
      return java.util.List.of();
    }
  }

  private final TraceInput in;
  private final CsvLine line;
  private final CsvHeader header;
  private final Columns columns;
  private final boolean comments;

  private ReplayFile(TraceInput in, Layout layout) throws SpecException {
    this.in = in;
    this.comments = !layout.fixedColumns().isEmpty();
    this.line = new CsvLine(in.file(), comments);
    this.header = comments ? CsvHeader.fixed(in.file(), layout.fixedColumns(), layout.expectedHeader())
        : CsvHeader.read(in, layout.expectedHeader());
    this.columns = layout.columns(header);
  }

  /** Opens {@code file} and reads its header; a missing file is reported at the query's path. */
  static ReplayFile open(Path file, TraceQuery query, Layout layout) throws SpecException {
    TraceInput in = TraceInput.open(file, query.path().mark());
    try {
      return new ReplayFile(in, layout);
    } catch (SpecException e) {
      in.close();
      throw e;
    }
  }

  /** Returns the header, for formats whose selectors need optional columns. */
  CsvHeader header() {
    return header;
  }

  /** Reads the next row into {@code row}; returns false at the end of the file. */
  boolean next(ReplayRow row) throws SpecException {
    do {
      if (!in.advance()) return false;
    } while (in.text().isBlank() || comments && in.text().stripLeading().startsWith(";"));
    line.reset(in.lineNumber(), in.text());
    if (line.size() < header.size()) {
      throw SpecException.of(line.endMark(), "row has " + line.size() + " columns, expected " + header.size()
          + " as in the header", "the row is cut short; each row has the header's columns");
    }
    columns.read(line, row);
    return true;
  }

  @Override
  public void close() {
    in.close();
  }
}
