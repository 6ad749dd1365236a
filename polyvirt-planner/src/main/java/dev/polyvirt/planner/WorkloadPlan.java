package dev.polyvirt.planner;

import dev.polyvirt.models.ModelResult;
import java.util.List;

/** One workload's results on every candidate model, the recommendation drawn from them, and the planner's assessment. */
public record WorkloadPlan(BoundWorkload workload, List<ModelResult> results, Recommendation recommendation, Assessment assessment) {
  /** Creates a plan without an assessment. */
  public WorkloadPlan(BoundWorkload workload, List<ModelResult> results, Recommendation recommendation) {
    this(workload, results, recommendation, Assessment.none());
  }
}
