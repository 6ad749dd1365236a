package dev.polyvirt.planner;

import dev.polyvirt.models.ModelResult;
import java.util.List;

/** One workload's results on every candidate model and the recommendation drawn from them. */
public record WorkloadPlan(BoundWorkload workload, List<ModelResult> results, Recommendation recommendation) {}
