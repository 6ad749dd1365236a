package dev.polyvirt.spec;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the units users write: durations ({@code 120ms}, {@code 2.5s}, {@code 1h30m}) and
 * Kubernetes quantities for CPU ({@code 250m}, {@code 2}) and memory ({@code 512Mi}, {@code 2Gi}).
 * Each parser throws {@link IllegalArgumentException} whose message is a hint for the user.
 */
public final class Units {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
  private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

  private Units() {}

  /** Parses a duration into nanoseconds. */
  public static long duration(String text) {
    String t = text.trim();
    if (t.isEmpty()) throw new IllegalArgumentException("write a duration such as 250ms, 2s, 10m, 1h or 7d");
    Matcher m = DURATION_PART.matcher(t);
    int pos = 0;
    BigDecimal sum = BigDecimal.ZERO;
    while (pos < t.length()) {
      if (!m.find(pos) || m.start() != pos) {
        if (t.matches("\\d+(\\.\\d+)?")) {
          throw new IllegalArgumentException("'" + t + "' has no unit: write " + t + "s, " + t + "ms or " + t + "m");
        }
        throw new IllegalArgumentException("'" + t + "' is not a duration: write e.g. 250ms, 2s, 10m, 1h30m or 7d");
      }
      sum = sum.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
      pos = m.end();
    }
    BigDecimal total = sum;
    return exact(() -> total.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), t);
  }

  /** Evaluates an exact conversion, turning overflow into the hint users see. */
  private static <T> T exact(java.util.function.Supplier<T> conversion, String text) {
    try {
      return conversion.get();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> SimTime.NANOS_PER_MICRO;
      case "ms" -> SimTime.NANOS_PER_MILLI;
      case "s" -> SimTime.NANOS_PER_SECOND;
      case "m" -> SimTime.NANOS_PER_MINUTE;
      case "h" -> SimTime.NANOS_PER_HOUR;
      case "d" -> SimTime.NANOS_PER_DAY;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** Parses a CPU quantity into millicores: {@code 250m} is 250, {@code 2} is 2000, {@code 0.5} is 500. */
  public static int cpuMillis(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a CPU quantity: write 250m, 0.5 or 2");
    BigDecimal v = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    BigDecimal millis = switch (suffix) {
      case "" -> v.multiply(BigDecimal.valueOf(1000));
      case "m" -> v;
      default -> throw new IllegalArgumentException("'" + text + "': CPU takes cores (0.5, 2) or millicores (250m), not '" + suffix + "'");
    };
    return exact(() -> millis.setScale(0, java.math.RoundingMode.CEILING).intValueExact(), text);
  }

  /** Parses a memory quantity into bytes: binary {@code Ki Mi Gi Ti} or decimal {@code k M G T}. */
  public static long memoryBytes(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a memory quantity: write 256Mi, 2Gi or 512M");
    BigDecimal v = new BigDecimal(m.group(1));
    long mult = switch (m.group(2)) {
      case "" -> 1L;
      case "Ki" -> 1L << 10;
      case "Mi" -> 1L << 20;
      case "Gi" -> 1L << 30;
      case "Ti" -> 1L << 40;
      case "k" -> 1_000L;
      case "M" -> 1_000_000L;
      case "G" -> 1_000_000_000L;
      case "T" -> 1_000_000_000_000L;
      case "MB", "mb", "GB", "gb", "Mb", "Gb" ->
          throw new IllegalArgumentException("'" + text + "': memory uses Kubernetes suffixes: Mi or Gi (binary), M or G (decimal)");
      default -> throw new IllegalArgumentException("'" + text + "': unknown memory suffix '" + m.group(2) + "'; use Ki, Mi, Gi, Ti, k, M, G or T");
    };
    return exact(() -> v.multiply(BigDecimal.valueOf(mult)).setScale(0, java.math.RoundingMode.CEILING).longValueExact(), text);
  }

  /** Formats bytes as the largest whole binary unit: 256Mi, 2Gi. */
  public static String formatBytes(long bytes) {
    if (bytes % (1L << 30) == 0 && bytes != 0) return (bytes >> 30) + "Gi";
    if (bytes % (1L << 20) == 0) return (bytes >> 20) + "Mi";
    return bytes + "";
  }
}
