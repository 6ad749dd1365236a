package dev.polyvirt.report.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code results.json} read back (SPEC.md §3): for each workload the recommended model and the
 * figures of every simulated model, which is all {@code polyvirt diff} compares.
 */
public record RunResults(String spec, long seed, String priceBook, List<Workload> workloads) {
  public RunResults {
    workloads = List.copyOf(workloads);
  }

  /** One workload: its recommendation (empty when none) and each simulated model's figures, in file order. */
  public record Workload(String name, Optional<String> recommended, Map<String, Figures> models) {
    public Workload {
      models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }

    /** Returns the figures of the recommended model, if there is one. */
    public Optional<Figures> chosen() {
      return recommended.map(models::get);
    }
  }

  /** The figures a diff reports on, from one model's result. */
  public record Figures(double costUsdPerMonth, double p99Ms, double coldStartRate, double co2eKg) {}

  /** Returns the workload named {@code name}, if this run has it. */
  public Optional<Workload> workload(String name) {
    return workloads.stream().filter(w -> w.name().equals(name)).findFirst();
  }
}
