package dev.polyvirt.spec;

import dev.polyvirt.spec.yaml.Mark;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping into typed values, recording a problem (with the value's
 * mark) for each one that is missing or malformed instead of stopping at the first.
 *
 * <p>{@link #done()} reports every key that no reader asked for, with the closest known name as
 * a hint, so a typo never passes silently.
 */
public final class Fields {
  private final Node.MapNode map;
  private final Problems problems;
  private final String where;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(Node.MapNode map, Problems problems, String where) {
    this.map = map;
    this.problems = problems;
    this.where = where;
  }

  /** Opens {@code node} as a mapping; reports a problem and returns empty if it is not one. */
  public static Optional<Fields> of(Node node, Problems problems, String where) {
    if (node instanceof Node.MapNode m) return Optional.of(new Fields(m, problems, where));
    problems.add(node.mark(), where + " must be a mapping of keys to values, found " + node.kind(),
        "indent the keys of " + where + " under it, or write {key: value}");
    return Optional.empty();
  }

  /** Returns the mapping's own mark. */
  public Mark mark() {
    return map.mark();
  }

  /** Returns the problems collector this reader reports to. */
  public Problems problems() {
    return problems;
  }

  /** Returns the keys as written, in file order. */
  public List<String> keys() {
    return new ArrayList<>(map.entries().keySet());
  }

  /** Returns true when {@code key} is present (and marks it known). */
  public boolean has(String key) {
    known.add(key);
    return map.entries().containsKey(key);
  }

  /** Returns the raw node under {@code key}, if present. */
  public Optional<Node> node(String key) {
    known.add(key);
    Node.Entry e = map.entries().get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  /** Returns the mark of {@code key} itself, or of the mapping when absent. */
  public Mark keyMark(String key) {
    Node.Entry e = map.entries().get(key);
    return e == null ? map.mark() : e.key().mark();
  }

  /** Returns the node under {@code key}, reporting a problem when absent. */
  public Optional<Node> required(String key, String hint) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) problems.add(map.mark(), where + " needs '" + key + "'", hint);
    return n;
  }

  /** Reads a text value. */
  public Optional<String> string(String key) {
    return node(key).flatMap(n -> text(n, key));
  }

  /** Reads one of {@code allowed} (case-sensitive, as SPEC.md writes them). */
  public Optional<String> oneOf(String key, Collection<String> allowed) {
    return string(key).flatMap(v -> {
      if (allowed.contains(v)) return Optional.of(v);
      problems.add(node(key).get().mark(), "'" + key + "' must be one of " + String.join(", ", allowed) + ", found '" + v + "'",
          suggestion(v, allowed).map(s -> "did you mean '" + s + "'?").orElse("write one of: " + String.join(", ", allowed)));
      return Optional.empty();
    });
  }

  /** Reads a whole number in [{@code min}, {@code max}]. */
  public OptionalLong integer(String key, long min, long max) {
    Optional<String> t = string(key);
    if (t.isEmpty()) return OptionalLong.empty();
    try {
      long v = Long.parseLong(t.get().replace("_", ""));
      if (v < min || v > max) {
        problems.add(node(key).get().mark(), "'" + key + "' must be between " + min + " and " + max + ", found " + v,
            "e.g. " + key + ": " + Math.max(min, Math.min(max, Math.abs(v))));
        return OptionalLong.empty();
      }
      return OptionalLong.of(v);
    } catch (NumberFormatException e) {
      problems.add(node(key).get().mark(), "'" + key + "' must be a whole number, found '" + t.get() + "'",
          "write digits only, e.g. " + key + ": " + Math.max(min, Math.min(max, 1)));
      return OptionalLong.empty();
    }
  }

  /** Reads a decimal number in [{@code min}, {@code max}]. */
  public OptionalDouble decimal(String key, double min, double max) {
    Optional<String> t = string(key);
    if (t.isEmpty()) return OptionalDouble.empty();
    try {
      double v = Double.parseDouble(t.get().replace("_", ""));
      if (!(v >= min && v <= max)) {
        problems.add(node(key).get().mark(), "'" + key + "' must be between " + min + " and " + max + ", found " + t.get(),
            "values outside " + min + "–" + max + " are not meaningful here");
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(v);
    } catch (NumberFormatException e) {
      problems.add(node(key).get().mark(), "'" + key + "' must be a number, found '" + t.get() + "'",
          "write a plain number such as 0.5 or 70, without units");
      return OptionalDouble.empty();
    }
  }

  /** Reads a boolean (true/false). */
  public Optional<Boolean> bool(String key) {
    return string(key).flatMap(v -> {
      String l = v.toLowerCase(Locale.ROOT);
      if (l.equals("true") || l.equals("false")) return Optional.of(l.equals("true"));
      problems.add(node(key).get().mark(), "'" + key + "' must be true or false, found '" + v + "'", "write " + key + ": true or " + key + ": false");
      return Optional.empty();
    });
  }

  /** Reads a duration ({@code 250ms}, {@code 10m}) in nanoseconds. */
  public OptionalLong duration(String key) {
    return parsed(key, Units::duration).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** Reads a value with {@code parser}, whose {@link IllegalArgumentException} message is the hint. */
  public <T> Optional<T> parsed(String key, Function<String, T> parser) {
    Optional<String> t = string(key);
    if (t.isEmpty()) return Optional.empty();
    try {
      return Optional.ofNullable(parser.apply(t.get()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(node(key).get().mark(), "'" + key + "' has a bad value '" + t.get() + "'", e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads a list of text values (a YAML list, or a single value). */
  public Optional<List<String>> strings(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) return Optional.empty();
    List<String> out = new ArrayList<>();
    if (n.get() instanceof Node.ListNode l) {
      for (Node item : l.items()) text(item, key).ifPresent(out::add);
    } else {
      text(n.get(), key).ifPresent(out::add);
    }
    return Optional.of(out);
  }

  /** Reports every key that no reader asked for. */
  public void done() {
    for (Node.Entry e : map.entries().values()) {
      String k = e.key().name();
      if (known.contains(k)) continue;
      problems.add(e.key().mark(), "unknown key '" + k + "' in " + where,
          suggestion(k, known).map(s -> "did you mean '" + s + "'?")
              .orElse("known keys here: " + String.join(", ", known)));
    }
  }

  private Optional<String> text(Node n, String key) {
    if (n instanceof Node.Scalar s && s.text() != null) return Optional.of(s.text());
    problems.add(n.mark(), "'" + key + "' must be a single value, found " + n.kind(), "write it as " + key + ": <value> on one line");
    return Optional.empty();
  }

  /** Returns the candidate closest to {@code word} by edit distance, if close enough. */
  public static Optional<String> suggestion(String word, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best != null && bestD <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
