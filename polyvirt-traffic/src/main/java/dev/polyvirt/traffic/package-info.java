/**
 * Workload traffic: the {@code traffic:} section of a spec bound to a {@link dev.polyvirt.traffic.Traffic}
 * that streams request arrival times in O(1) memory.
 *
 * <p>Kinds are registered in {@link dev.polyvirt.traffic.TrafficKinds}: Poisson, diurnal (thinned
 * non-homogeneous Poisson), bursts (piecewise-constant Poisson), cron schedules, monthly request
 * volumes, and trace replay (package {@code dev.polyvirt.traffic.trace}). Simulated time 0 is
 * Monday 2024-01-01 00:00 UTC, the calendar cron schedules fire on; a trace's time 0 is the start
 * of its recording.
 */
package dev.polyvirt.traffic;
