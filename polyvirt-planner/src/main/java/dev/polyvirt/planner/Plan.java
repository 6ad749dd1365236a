package dev.polyvirt.planner;

import java.util.List;

/** The outcome of {@code polyvirt plan}: every workload's results and recommendation. */
public record Plan(BoundPortfolio portfolio, List<WorkloadPlan> workloads) {
  /** Returns the per-app and per-trigger totals of the workloads a {@code function: "*"} trace expanded to. */
  public Aggregates aggregates() {
    return Aggregates.of(this);
  }
}
