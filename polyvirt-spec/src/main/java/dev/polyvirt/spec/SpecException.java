package dev.polyvirt.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: one or more problems, each with file, line, column and a hint. Exit code 2. */
public final class SpecException extends Exception {
  private final transient List<Problem> problems;

  /** Creates the exception from the problems of one pass. */
  public SpecException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception from a single problem. */
  public static SpecException of(dev.polyvirt.spec.yaml.Mark where, String message, String hint) {
    return new SpecException(List.of(new Problem(where, message, hint)));
  }

  /** Returns the problems. */
  public List<Problem> problems() {
    return problems;
  }
}
