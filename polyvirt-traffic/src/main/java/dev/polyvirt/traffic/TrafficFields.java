package dev.polyvirt.traffic;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the values traffic kinds share (rates, counts, durations) so that every kind words its
 * problems the same way, each with the value's mark and a hint showing a valid example.
 */
final class TrafficFields {
  /** The clock ticks in nanoseconds, so more than one request per nanosecond cannot be told apart. */
  static final double MAX_RATE_PER_SECOND = 1e9;
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d[\\d_]*(\\.\\d+)?([eE][+-]?\\d+)?");

  private TrafficFields() {}

  /** Reads a required rate in requests per second: zero or more, at most one per nanosecond. */
  static OptionalDouble rate(Fields fields, String key, String example) {
    Optional<Node> node = fields.required(key, "write e.g. " + example);
    return node.isEmpty() ? OptionalDouble.empty()
        : number(node.get(), key, fields.problems(), "requests per second", MAX_RATE_PER_SECOND, example);
  }

  /** Reads a number in [0, {@code max}] from a scalar, reporting its mark when it is anything else. */
  static OptionalDouble number(Node node, String key, Problems problems, String unit, double max, String example) {
    String text = node instanceof Node.Scalar s ? s.text() : null;
    if (text == null || !NUMBER.matcher(text.trim()).matches()) {
      String found = text == null ? node.kind() : "'" + text + "'";
      problems.add(node.mark(), "'" + key + "' must be a number of " + unit + ", found " + found, "write e.g. " + example);
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text.trim().replace("_", ""));
    if (value < 0) {
      problems.add(node.mark(), "'" + key + "' must be zero or more " + unit + ", found " + text.trim(),
          "it cannot be negative: write 0 for none, or e.g. " + example);
      return OptionalDouble.empty();
    }
    if (!(value <= max)) {
      problems.add(node.mark(), "'" + key + "' must be at most " + format(max) + " " + unit + ", found " + text.trim(),
          "the clock ticks in nanoseconds, so at most one request per nanosecond can be told apart");
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }

  /** Reads an optional duration, falling back to {@code fallback} when absent; {@code positive} forbids zero. */
  static OptionalLong duration(Fields fields, String key, OptionalLong fallback, boolean positive, String example) {
    if (!fields.has(key)) {
      if (fallback.isEmpty()) fields.required(key, "write e.g. " + example);
      return fallback;
    }
    OptionalLong value = fields.duration(key);
    if (positive && value.isPresent() && value.getAsLong() == 0) {
      fields.problems().add(fields.node(key).get().mark(), "'" + key + "' must be longer than zero",
          "write e.g. " + example);
      return OptionalLong.empty();
    }
    return value;
  }

  /** Formats a number whole when it is whole, else with three significant digits: 50, 0.5, 0.761. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
