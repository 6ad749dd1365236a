package dev.polyvirt.planner.traits;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.RequestDriver;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.traffic.ArrivalProcess;

/**
 * Measures {@link WorkloadTraits} by replaying the workload's arrivals and durations from the
 * same named streams the models draw them from ({@link RequestDriver#ARRIVALS},
 * {@link RequestDriver#DURATIONS}), without simulating any platform: idle time is the horizon
 * minus the union of the requests' busy intervals.
 */
public final class TraitScan {
  /** Requests scanned at most (about a second of CPU); beyond, the traits describe the span scanned. */
  static final long MAX_REQUESTS = 20_000_000;
  /** FaaS's default keep-alive, 10 minutes (figures.md, keep-alive: AWS Lambda idle instance lifetime ~10 min, Shilkov 2019). */
  static final long KEEP_ALIVE_NANOS = 10 * SimTime.NANOS_PER_MINUTE;

  private TraitScan() {}

  /** Measures the traits of the context's workload over its horizon. */
  public static WorkloadTraits of(RunContext ctx) {
    ArrivalProcess arrivals = ctx.traffic().arrivals(ctx.streams().stream(RequestDriver.ARRIVALS), ctx.horizonNanos());
    Distribution.Sampler durations = ctx.workload().request().duration().sampler(ctx.streams().stream(RequestDriver.DURATIONS));
    GapHistogram gaps = new GapHistogram(KEEP_ALIVE_NANOS);
    long requests = 0, prev = -1, busyUntil = 0, busy = 0, end = ctx.horizonNanos();
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
      long recorded = arrivals.durationNanos();
      long d = recorded >= 0 ? recorded : durations.next();
      if (prev >= 0) gaps.add(t - prev);
      prev = t;
      requests++;
      long from = Math.max(t, busyUntil);
      long to = Math.min(end, t + d);
      if (to > from) busy += to - from;
      busyUntil = Math.max(busyUntil, t + d);
      if (requests >= MAX_REQUESTS) {
        end = Math.min(end, t); // measure idle time over the span actually scanned
        busy = Math.min(busy, end);
        break;
      }
    }
    double mean = ctx.traffic().meanRatePerSecond(ctx.horizonNanos());
    double peakToMean = mean > 0 ? ctx.traffic().peakRatePerSecond() / mean : 1;
    return new WorkloadTraits(requests, end <= 0 ? 1 : Math.max(0, 1 - busy / (double) end), peakToMean,
        gaps.quantile(0.5), gaps.quantile(0.9), gaps.quantile(0.99), gaps.overKeepAlive(),
        Math.round(ctx.workload().request().duration().quantileNanos(0.99)));
  }
}
