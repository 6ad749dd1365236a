package dev.polyvirt.planner;

import dev.polyvirt.models.Candidate;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.Traffic;
import java.util.List;

/** A workload with its traffic and every candidate model's settings bound and validated. */
public record BoundWorkload(Workload workload, Traffic traffic, List<Candidate<?>> candidates) {}
