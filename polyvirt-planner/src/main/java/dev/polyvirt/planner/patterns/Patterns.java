package dev.polyvirt.planner.patterns;

import java.util.List;
import java.util.Optional;

/**
 * The portfolio-level options and which wins: the cheapest monthly total, and the best by the
 * planner's weighted score.
 *
 * @param notes what the options leave out or assume, as sentences
 */
public record Patterns(List<PortfolioOption> options, Optional<String> cheapest, Optional<String> best, List<String> notes) {
  public Patterns {
    options = List.copyOf(options);
    notes = List.copyOf(notes);
  }

  /** Returns the option called {@code name}. */
  public Optional<PortfolioOption> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
