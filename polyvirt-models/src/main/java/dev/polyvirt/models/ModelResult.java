package dev.polyvirt.models;

import java.util.List;

/**
 * One workload on one compute model: the figures of SPEC.md §3. An infeasible model carries its
 * reasons and no figures ({@link #figures} is empty). {@code metrics} holds what a model measures
 * beyond the contract (e.g. FaaS idle instance memory), by name in a stable order, so reporters
 * render them without knowing the model.
 */
public record ModelResult(String model, boolean feasible, List<String> infeasibleReasons,
    java.util.Optional<Figures> figures, List<String> notes, java.util.Map<String, Double> metrics) {

  public ModelResult {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }

  /** Creates the result of a model that cannot host the workload. */
  public static ModelResult infeasible(String model, List<String> reasons) {
    return new ModelResult(model, false, List.copyOf(reasons), java.util.Optional.empty(), List.of(), java.util.Map.of());
  }

  /** Creates the result of a simulated model. */
  public static ModelResult of(String model, Figures figures, List<String> notes) {
    return of(model, figures, notes, java.util.Map.of());
  }

  /** Creates the result of a simulated model with model-specific named figures. */
  public static ModelResult of(String model, Figures figures, List<String> notes, java.util.Map<String, Double> metrics) {
    return new ModelResult(model, true, List.of(), java.util.Optional.of(figures), List.copyOf(notes), metrics);
  }

  /** The measured figures of one simulation. */
  public record Figures(long requests, long completed, long failed, long throttled, long timedOut,
      long coldStarts, Latency latencyMs, double avgInstances, long peakInstances, double utilization,
      CostUsd costUsd, double costUsdPerMonth, double energyKwh, double co2eKg) {
    /** Returns coldStarts / requests (0 without requests). */
    public double coldStartRate() {
      return requests == 0 ? 0 : coldStarts / (double) requests;
    }
  }

  /** Latency summary in milliseconds. */
  public record Latency(double mean, double p50, double p95, double p99, double max) {}

  /** Cost over the simulated span, in US dollars, split as SPEC.md §3 does. */
  public record CostUsd(java.math.BigDecimal total, java.math.BigDecimal compute, java.math.BigDecimal requests,
      java.math.BigDecimal idle, java.math.BigDecimal other) {}
}
