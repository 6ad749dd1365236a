package dev.polyvirt.cli;

/** A bad option value or file the user named: reported without a stack trace, exit code 2. */
final class BadInput extends RuntimeException {
  BadInput(String message) {
    super(message);
  }
}
