package dev.polyvirt.spec;

import dev.polyvirt.spec.yaml.Mark;

/** One thing wrong with the input: where, what was expected, and a hint to fix it. */
public record Problem(Mark where, String message, String hint) {
  /** Formats the problem as {@code file:line:col: error: message} with the hint on the next line. */
  public String format() {
    String head = where + ": error: " + message;
    return hint == null || hint.isEmpty() ? head : head + "\n    hint: " + hint;
  }
}
