package dev.polyvirt.results;

import dev.polyvirt.planner.Plan;
import java.time.Instant;

/** A run as the tables see it: its id, when it ran, where it came from and its plan. */
public record StoredRun(RunId id, Instant createdAt, RunSource source, Plan plan) {}
