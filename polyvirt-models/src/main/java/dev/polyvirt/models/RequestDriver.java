package dev.polyvirt.models;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.traffic.ArrivalProcess;

/**
 * Feeds one workload's requests into a platform, one pending arrival at a time, so memory stays
 * constant however long the traffic. Arrivals and durations come from streams named after the
 * workload only, so every candidate model sees exactly the same requests. A trace that records
 * each request's duration supplies it; otherwise it is drawn from the workload's distribution.
 */
public final class RequestDriver implements EventHandler {
  private final Simulation sim;
  private final ArrivalProcess arrivals;
  private final Distribution.Sampler durations;
  private final Platform platform;
  private final RunStats stats;
  private final double traceFactor;

  /** The stream names every model draws a workload's requests from: all models see the same requests. */
  public static final String ARRIVALS = "arrivals", DURATIONS = "durations";

  /**
   * Feeds the context's workload into {@code platform}: arrivals and durations from the
   * workload's {@link #ARRIVALS} and {@link #DURATIONS} streams, every duration (drawn or
   * recorded by a trace) stretched by {@code slowdown} (1 for none).
   */
  public static void start(Simulation sim, RunContext ctx, Platform platform, RunStats stats, double slowdown) {
    ArrivalProcess arrivals = ctx.traffic().arrivals(ctx.streams().stream(ARRIVALS), ctx.horizonNanos());
    Distribution.Sampler durations = ctx.workload().request().duration().scaled(slowdown).sampler(ctx.streams().stream(DURATIONS));
    new RequestDriver(sim, arrivals, durations, platform, stats, slowdown).start();
  }

  /** Creates a driver; call {@link #start()} before running the simulation. */
  public RequestDriver(Simulation sim, ArrivalProcess arrivals, Distribution.Sampler durations, Platform platform, RunStats stats) {
    this(sim, arrivals, durations, platform, stats, 1.0);
  }

  /**
   * Creates a driver whose trace-recorded durations are stretched by {@code traceFactor}, the
   * same slowdown the model applied to {@code durations} (e.g. a function given less CPU).
   */
  public RequestDriver(Simulation sim, ArrivalProcess arrivals, Distribution.Sampler durations, Platform platform, RunStats stats,
      double traceFactor) {
    this.traceFactor = traceFactor;
    this.sim = sim;
    this.arrivals = arrivals;
    this.durations = durations;
    this.platform = platform;
    this.stats = stats;
  }

  /** Schedules the first arrival and the end of the billed span. */
  public void start() {
    stats.sampleCountersOn(sim);
    scheduleNext();
    sim.at(stats.horizon(), p -> platform.onHorizon(), 0);
  }

  @Override
  public void onEvent(long payload) {
    stats.requests++;
    long recorded = arrivals.durationNanos(); // a trace's own duration for this request, when it has one
    platform.onArrival(recorded < 0 ? durations.next() : traceFactor == 1.0 ? recorded : Math.round(recorded * traceFactor));
    scheduleNext();
  }

  private void scheduleNext() {
    long t = arrivals.next();
    if (t != Long.MAX_VALUE && t < stats.horizon()) sim.at(t, this, 0);
  }
}
