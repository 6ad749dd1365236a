package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;

/**
 * A trace file that went bad while it was being replayed (it was validated when bound, so this
 * means it changed or could no longer be read). Carries the problem, with file:line:column, as a
 * {@link SpecException} so that callers can report it as bad input (exit code 2).
 */
public final class TraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps the problem met while replaying. */
  public TraceException(SpecException problem) {
    super(problem.getMessage(), problem);
  }

  /** Returns the problem, with its file, line and column. */
  public SpecException problem() {
    return (SpecException) getCause();
  }
}
