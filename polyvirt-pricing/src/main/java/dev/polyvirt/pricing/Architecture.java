package dev.polyvirt.pricing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A processor architecture, named as AWS price lists and specs write it. */
public enum Architecture {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String written;

  Architecture(String written) {
    this.written = written;
  }

  /** Returns the name price books and specs write: x86_64 or arm64. */
  public String written() {
    return written;
  }

  /** Finds the architecture written as {@code name}. */
  public static Optional<Architecture> named(String name) {
    return Arrays.stream(values()).filter(a -> a.written.equals(name)).findFirst();
  }

  /** Lists every written name, for error messages. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Architecture::written).toList();
  }

  @Override
  public String toString() {
    return written;
  }
}
