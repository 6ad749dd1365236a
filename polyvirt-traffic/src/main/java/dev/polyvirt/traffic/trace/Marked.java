package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.yaml.Mark;

/**
 * A value together with where the user wrote it (a spec's line and column, or a command-line
 * option), so that a problem with the value can point at it.
 */
public record Marked<T>(T value, Mark mark) {
  /** Returns a value given on the command line or in code, marked by the name of its option. */
  public static <T> Marked<T> of(T value, String where) {
    return new Marked<>(value, Mark.file(where));
  }
}
