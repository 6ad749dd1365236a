package dev.polyvirt.planner;

import dev.polyvirt.models.Candidate;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.Traffic;
import java.util.List;

/**
 * A workload with its traffic and every candidate model's settings bound and validated.
 *
 * @param workload the workload, its request completed by what its trace supplies
 * @param horizonNanos the simulated span: the spec's horizon, or the trace's own span
 */
public record BoundWorkload(Workload workload, Traffic traffic, List<Candidate<?>> candidates, long horizonNanos) {}
