package dev.polyvirt.cli;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that run simulations. */
final class RunOptions {
  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The portfolio spec (SPEC.md §2).")
  Path spec;

  @Option(names = "--seed", paramLabel = "N", description = "Override the spec's seed.")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Simulations run in parallel (default: cores). Results do not depend on it.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quiet", description = "Print nothing but errors (and JSON when asked).")
  boolean quiet;

  @Option(names = "--verbose", description = "Also print each model's notes, and one line per finished simulation when standard error is not a terminal.")
  boolean verbose;

  @Option(names = "--no-color", description = "Plain text even on a terminal.")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  /** Loads, validates and binds the spec, applying {@code --seed}. */
  BoundPortfolio load() throws SpecException {
    BoundPortfolio p = BoundPortfolio.load(spec);
    return seed == null ? p : p.withSeed(seed);
  }

  /** Returns true for ANSI colour: a terminal, no --no-color, and NO_COLOR unset or empty (no-color.org). */
  boolean color() {
    String noColorEnv = System.getenv("NO_COLOR");
    return !noColor && System.console() != null && (noColorEnv == null || noColorEnv.isEmpty());
  }
}
