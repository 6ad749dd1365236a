package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.yaml.Node;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the required values of a price book: each reader records a problem at the value's
 * file:line:column (or the mapping's, when the key is missing) with a hint, and returns a neutral
 * value so reading goes on and every problem is reported at once.
 */
final class PriceFields {
  private PriceFields() {}

  /** Reads a required single value as text. */
  static Optional<String> text(Fields f, String key, String hint) {
    Optional<Node> n = f.required(key, hint);
    if (n.isEmpty()) return Optional.empty();
    if (n.get() instanceof Node.Scalar s && s.text() != null) return Optional.of(s.text().trim());
    f.problems().add(n.get().mark(), "'" + key + "' must be a single value, found " + n.get().kind(), hint);
    return Optional.empty();
  }

  /** Reads a required price: a plain decimal of 0 or more, kept exact. */
  static BigDecimal price(Fields f, String key, String hint) {
    Optional<String> t = text(f, key, hint);
    if (t.isEmpty()) return BigDecimal.ZERO;
    try {
      BigDecimal v = new BigDecimal(t.get().replace("_", ""));
      if (v.signum() >= 0) return v;
      f.problems().add(mark(f, key), "'" + key + "' must be a price of 0 or more, found " + t.get(), hint);
    } catch (NumberFormatException e) {
      f.problems().add(mark(f, key), "'" + key + "' must be a plain decimal price, found '" + t.get() + "'", hint);
    }
    return BigDecimal.ZERO;
  }

  /** Reads a required whole number in [{@code min}, {@code max}]. */
  static long count(Fields f, String key, long min, long max, String hint) {
    Optional<String> t = text(f, key, hint);
    if (t.isEmpty()) return min;
    try {
      long v = Long.parseLong(t.get().replace("_", ""));
      if (v >= min && v <= max) return v;
      f.problems().add(mark(f, key), "'" + key + "' must be between " + min + " and " + max + ", found " + v, hint);
    } catch (NumberFormatException e) {
      f.problems().add(mark(f, key), "'" + key + "' must be a whole number, found '" + t.get() + "'", hint);
    }
    return min;
  }

  /** Reads a required true or false. */
  static boolean flag(Fields f, String key, String hint) {
    Optional<String> t = text(f, key, hint);
    if (t.isEmpty()) return false;
    if (t.get().equals("true") || t.get().equals("false")) return t.get().equals("true");
    f.problems().add(mark(f, key), "'" + key + "' must be true or false, found '" + t.get() + "'", hint);
    return false;
  }

  /** Reads a required duration that is a whole multiple of {@code unitNanos} (0 allowed if {@code zeroOk}). */
  static long duration(Fields f, String key, long unitNanos, boolean zeroOk, String hint) {
    Optional<String> t = text(f, key, hint);
    if (t.isEmpty()) return unitNanos;
    try {
      long v = Units.duration(t.get());
      if (v % unitNanos == 0 && (v > 0 || zeroOk && v == 0)) return v;
      f.problems().add(mark(f, key), "'" + key + "' must be a " + (zeroOk ? "" : "positive ")
          + "whole number of " + dev.polyvirt.engine.SimTime.format(unitNanos) + ", found " + t.get(), hint);
    } catch (IllegalArgumentException e) {
      f.problems().add(mark(f, key), "'" + key + "' must be a duration, found '" + t.get() + "'", e.getMessage());
    }
    return unitNanos;
  }

  /** Opens a required nested mapping. */
  static Optional<Fields> section(Fields f, String key, String where, String hint) {
    return f.required(key, hint).flatMap(n -> Fields.of(n, f.problems(), where));
  }

  /** Reads a required mapping keyed by architecture name, each value read by {@code reader}. */
  static <T> Map<Architecture, T> byArchitecture(Fields f, String key, String where, Function<Fields, T> reader) {
    Map<Architecture, T> out = new EnumMap<>(Architecture.class);
    Optional<Fields> archs = section(f, key, where + " " + key, "give prices per architecture: "
        + String.join(", ", Architecture.names()));
    if (archs.isEmpty()) return out;
    Problems problems = f.problems();
    for (String name : archs.get().keys()) {
      Node value = archs.get().node(name).orElseThrow();
      Optional<Architecture> a = Architecture.named(name);
      if (a.isEmpty()) {
        problems.add(archs.get().keyMark(name), "unknown architecture '" + name + "' in " + where,
            Fields.suggestion(name, Architecture.names()).map(s -> "did you mean '" + s + "'?")
                .orElse("architectures are " + String.join(", ", Architecture.names())));
        continue;
      }
      Fields.of(value, problems, where + " " + name).ifPresent(af -> out.put(a.get(), reader.apply(af)));
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add(archs.get().mark(), where + " " + key + " lists no architecture", "add x86_64: or arm64:");
    }
    return out;
  }

  private static dev.polyvirt.spec.yaml.Mark mark(Fields f, String key) {
    return f.node(key).map(Node::mark).orElse(f.mark());
  }
}
