package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of one trace file, read one at a time with their line numbers. Gzip is detected by
 * its magic bytes (1f 8b) rather than the file name, for every format at once; a byte-order mark
 * is dropped. Only the current line is held, so memory never depends on the file's length.
 */
final class TraceInput implements AutoCloseable {
  private static final int BUFFER = 1 << 16;
  private final BufferedReader reader;
  private final String file;
  private int lineNumber;
  private String text;

  private TraceInput(BufferedReader reader, String file) {
    this.reader = reader;
    this.file = file;
  }

  /** Opens {@code path}; a missing or unreadable file is reported at {@code where} (the spec's path value). */
  static TraceInput open(Path path, Mark where) throws SpecException {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
      InputStream in = gzipped(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
      return new TraceInput(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER), path.toString());
    } catch (NoSuchFileException e) {
      throw SpecException.of(where, "no such trace file: " + path,
          "check the path; relative paths are resolved against the spec file's folder");
    } catch (IOException e) {
      throw SpecException.of(where, "cannot read trace file " + path + ": " + e.getMessage(),
          "check the file exists, is readable and, if compressed, is a complete gzip file");
    }
  }

  /** Returns true when the stream starts with the gzip magic bytes, leaving it unread. */
  static boolean gzipped(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  /** Reads the next line; returns false at the end of the file. */
  boolean advance() throws SpecException {
    try {
      text = reader.readLine();
    } catch (IOException e) {
      throw SpecException.of(new Mark(file, lineNumber + 1, 1), "cannot read line " + (lineNumber + 1) + ": " + e.getMessage(),
          "the file may be cut short or corrupt (a gzip file must be complete); take it again from its source");
    }
    if (text == null) return false;
    if (lineNumber == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    lineNumber++;
    return true;
  }

  /** Returns the current line, without its line break. */
  String text() {
    return text;
  }

  /** Returns the current line's 1-based number. */
  int lineNumber() {
    return lineNumber;
  }

  /** Returns the file's name as problems show it. */
  String file() {
    return file;
  }

  /** Returns a mark at {@code column} (1-based) of the current line. */
  Mark mark(int column) {
    return new Mark(file, lineNumber, column);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written; a failed close of a read-only file loses nothing
    }
  }
}
