package dev.polyvirt.planner;

import java.util.List;
import java.util.Optional;

/**
 * The model recommended for a workload, and the sentences that justify it. The model is empty
 * when no candidate is feasible.
 */
public record Recommendation(Optional<String> model, List<String> rationale) {}
