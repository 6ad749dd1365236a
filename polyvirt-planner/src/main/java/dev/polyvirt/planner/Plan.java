package dev.polyvirt.planner;

import java.util.List;

/** The outcome of {@code polyvirt plan}: every workload's results and recommendation. */
public record Plan(BoundPortfolio portfolio, List<WorkloadPlan> workloads) {}
