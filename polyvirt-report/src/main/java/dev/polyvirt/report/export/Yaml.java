package dev.polyvirt.report.export;

/** Writes YAML scalars that read back as the same string whatever they hold. */
final class Yaml {
  private Yaml() {}

  /** Returns {@code s} as a double-quoted YAML scalar. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\x%02x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  /** Returns a Kubernetes CPU quantity for millicores ("500m", or whole cores as "2"). */
  static String cpu(int millis) {
    return millis % 1000 == 0 ? String.valueOf(millis / 1000) : millis + "m";
  }

  /** Returns a whole number of seconds at least {@code nanos} long (at least 1). */
  static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
