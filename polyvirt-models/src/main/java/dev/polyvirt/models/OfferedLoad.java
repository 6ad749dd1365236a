package dev.polyvirt.models;

import dev.polyvirt.engine.SimTime;

/**
 * The work a workload offers, in Erlangs (mean requests in service): rate × mean duration.
 * Models use it to size fleets by default, the way an engineer would: enough capacity for the
 * peak at a target utilisation.
 */
public final class OfferedLoad {
  private OfferedLoad() {}

  /** Returns the offered load at the traffic's peak rate, in Erlangs. */
  public static double peakErlangs(RunContext ctx) {
    double peak = Math.max(ctx.traffic().peakRatePerSecond(), ctx.traffic().meanRatePerSecond(ctx.horizonNanos()));
    return peak * meanServiceSeconds(ctx);
  }

  /** Returns the offered load at the traffic's mean rate over the horizon, in Erlangs. */
  public static double meanErlangs(RunContext ctx) {
    return ctx.traffic().meanRatePerSecond(ctx.horizonNanos()) * meanServiceSeconds(ctx);
  }

  /** Returns the mean request duration in seconds. */
  public static double meanServiceSeconds(RunContext ctx) {
    return ctx.workload().request().duration().meanNanos() / SimTime.NANOS_PER_SECOND;
  }

  /** Returns how many servers of {@code slots} carry {@code erlangs} at {@code utilisation}, at least 1. */
  public static int servers(double erlangs, int slots, double utilisation) {
    return (int) Math.max(1, Math.ceil(erlangs / (slots * utilisation) - 1e-9));
  }
}
