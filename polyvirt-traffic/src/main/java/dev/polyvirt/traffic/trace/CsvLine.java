package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;

/**
 * One line of a comma-separated trace split into fields, remembering where each field starts so
 * that a bad value is reported at its file:line:column. The instance is reused for every line,
 * so splitting allocates nothing; a field may be quoted ("a,b"), but may not span lines.
 */
final class CsvLine {
  private final String file;
  private String text = "";
  private int lineNumber;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int size;
  private final boolean whitespace;

  CsvLine(String file) {
    this(file, false);
  }

  /** A line reader; {@code whitespace}: fields are separated by runs of spaces or tabs (SWF), not commas. */
  CsvLine(String file, boolean whitespace) {
    this.file = file;
    this.whitespace = whitespace;
  }

  /** Splits the line {@code text}, number {@code lineNumber}, into its fields. */
  CsvLine reset(int lineNumber, String text) {
    this.lineNumber = lineNumber;
    this.text = text;
    size = 0;
    int i = 0;
    int n = text.length();
    if (whitespace) {
      while (true) {
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        if (i >= n) return this;
        if (size == starts.length) grow();
        starts[size] = i;
        while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\t') i++;
        ends[size++] = i;
      }
    }
    while (true) {
      if (size == starts.length) grow();
      if (i < n && text.charAt(i) == '"') {
        int close = text.indexOf('"', i + 1);
        while (close >= 0 && close + 1 < n && text.charAt(close + 1) == '"') close = text.indexOf('"', close + 2);
        if (close < 0) close = n;
        starts[size] = i + 1;
        ends[size++] = close;
        i = text.indexOf(',', Math.min(close, n));
      } else {
        int comma = text.indexOf(',', i);
        starts[size] = i;
        ends[size++] = comma < 0 ? n : comma;
        i = comma;
      }
      if (i < 0) return this;
      i++;
    }
  }

  /** Returns the number of fields. */
  int size() {
    return size;
  }

  /** Returns the text of field {@code i}, trimmed, without its quotes. */
  String text(int i) {
    return text.substring(starts[i], ends[i]).replace("\"\"", "\"").strip();
  }

  /** Returns where field {@code i} starts. */
  Mark mark(int i) {
    return new Mark(file, lineNumber, i < size ? starts[i] + 1 - (quoted(i) ? 1 : 0) : text.length() + 1);
  }

  /** Returns the position just after the line's last character (where a missing field would be). */
  Mark endMark() {
    return new Mark(file, lineNumber, text.length() + 1);
  }

  /** Reads field {@code i} as a whole number of zero or more ({@code what} names it for the message). */
  long count(int i, String what, String hint) throws SpecException {
    int from = trimmedStart(i);
    int to = trimmedEnd(i);
    if (from == to || to - from > 18) throw problem(i, "expected " + what + " (a whole number), found " + found(i), hint);
    long v = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') throw problem(i, "expected " + what + " (a whole number), found " + found(i), hint);
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Reads field {@code i} as a decimal number times {@code scale} (1e9: seconds to ns), rounded. */
  long scaled(int i, long scale, String what, String hint) throws SpecException {
    try {
      return Decimal.scaled(text, trimmedStart(i), trimmedEnd(i), scale);
    } catch (NumberFormatException e) {
      throw problem(i, "expected " + what + " (a number), found " + found(i), hint);
    } catch (ArithmeticException e) {
      throw problem(i, "expected " + what + ", found " + found(i) + ", which is too large", hint);
    }
  }

  /** Returns a problem at field {@code i}. */
  SpecException problem(int i, String message, String hint) {
    return SpecException.of(mark(i), message, hint);
  }

  private String found(int i) {
    return starts[i] == ends[i] ? "nothing" : "'" + text(i) + "'";
  }

  private int trimmedStart(int i) {
    int k = starts[i];
    while (k < ends[i] && text.charAt(k) == ' ') k++;
    return k;
  }

  private int trimmedEnd(int i) {
    int k = ends[i];
    while (k > starts[i] && text.charAt(k - 1) == ' ') k--;
    return k;
  }

  private boolean quoted(int i) {
    return starts[i] > 0 && text.charAt(starts[i] - 1) == '"';
  }

  private void grow() {
    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
  }
}
