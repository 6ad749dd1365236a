package dev.polyvirt.models;

import dev.polyvirt.engine.SimTime;

/**
 * The work a workload offers, in Erlangs (mean requests in service): rate × mean duration.
 * Models use it to size fleets by default, the way an engineer would: enough capacity for the
 * peak at a target utilisation.
 */
public final class OfferedLoad {
  private OfferedLoad() {}

  /**
   * Returns the peak offered load in Erlangs: the most requests expected within one mean service
   * time. For a sustained rate that is rate × duration; for a nightly job it is the job itself.
   */
  public static double peakErlangs(RunContext ctx) {
    long window = Math.max(1, Math.round(ctx.workload().request().duration().meanNanos()));
    return Math.max(ctx.traffic().peakRequestsWithin(window, ctx.horizonNanos()), meanErlangs(ctx));
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

  /**
   * Returns the servers of {@code slots} to provision for the workload's peak: with headroom
   * ({@code utilisation} of capacity at peak) for random arrivals, which queue when bursts
   * exceed the mean; exactly the peak concurrency for scheduled ones, which never do.
   */
  public static int serversForPeak(RunContext ctx, int slots, double slowdown, double utilisation) {
    if (!ctx.traffic().random()) {
      long window = Math.max(1, Math.round(ctx.workload().request().duration().meanNanos() * slowdown));
      return servers(ctx.traffic().peakRequestsWithin(window, ctx.horizonNanos()), slots, 1.0);
    }
    return servers(peakErlangs(ctx) * slowdown, slots, utilisation);
  }
}
