package dev.polyvirt.models.faas;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.Platform;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.pricing.LambdaMeter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Functions as a service, as AWS Lambda behaves (SPEC.md §2 {@code faas}).
 *
 * <p>Each instance serves one request at a time. A request takes a provisioned instance if one
 * is free, else a warm idle one chosen by the {@link InstanceSelection} policy, else a new
 * instance is created and the request waits for its cold start. An idle instance is reclaimed
 * when it has been idle for the keep-alive; expiry is applied lazily at the next arrival, at the
 * exact instant it fell due, so the instance-time integral is exact without a timer per
 * instance. Beyond {@code reservedConcurrency} concurrent executions, requests are throttled
 * (counted, neither served nor billed). A request longer than the timeout fails there.
 */
final class FaasPlatform implements Platform {
  private final Simulation sim;
  private final RunStats stats;
  private final FaasSettings settings;
  private final Distribution.Sampler coldStart;
  private final UniformRandomProvider pick;
  private final IdleInstances idle = new IdleInstances();
  private final LambdaMeter meter;
  private int busyOnDemand;
  private int provisionedFree;
  private final EventHandler finishOnDemand = this::finishOnDemand;
  private final EventHandler finishProvisioned = this::finishProvisioned;

  FaasPlatform(Simulation sim, RunStats stats, FaasSettings settings, Distribution.Sampler coldStart,
      UniformRandomProvider pick, LambdaMeter usage) {
    this.sim = sim;
    this.stats = stats;
    this.settings = settings;
    this.coldStart = coldStart;
    this.pick = pick;
    this.meter = usage;
    this.provisionedFree = settings.provisionedConcurrency();
    stats.instances(0, provisionedFree);
    stats.capacity(0, provisionedFree);
  }

  @Override
  public void onArrival(long serviceNanos) {
    long now = sim.now();
    expireUntil(now);
    long run = Math.min(serviceNanos, settings.timeoutNanos());
    boolean timedOut = serviceNanos > settings.timeoutNanos();
    if (provisionedFree > 0) {
      provisionedFree--;
      meter.provisionedInvocation(run);
      serve(now, 0, run, timedOut, finishProvisioned);
      return;
    }
    if (busyOnDemand >= settings.reservedConcurrency() - settings.provisionedConcurrency()) {
      stats.throttled++;
      return;
    }
    long cold = 0;
    if (idle.isEmpty()) {
      cold = Math.max(0, coldStart.next());
      stats.coldStarts++;
      stats.instances(now, 1);
      stats.capacity(now, 1);
      meter.coldInvocation(cold, run);
    } else {
      take();
      meter.invocation(run);
    }
    busyOnDemand++;
    serve(now, cold, run, timedOut, finishOnDemand);
  }

  private void serve(long now, long cold, long run, boolean timedOut, EventHandler finish) {
    stats.busy(now, 1);
    if (timedOut) {
      stats.timedOut++;
      stats.failed++;
    } else {
      stats.latency.record(cold + run);
    }
    sim.after(cold + run, finish, timedOut ? 1 : 0);
  }

  private void take() {
    switch (settings.instanceSelection()) {
      case MRU -> idle.removeNewest();
      case LRU -> idle.removeOldest();
      case RANDOM -> idle.removeAt(pick.nextInt(idle.size()));
    }
  }

  private void finishOnDemand(long timedOut) {
    long now = sim.now();
    busyOnDemand--;
    stats.busy(now, -1);
    if (timedOut == 0) stats.completed++;
    expireUntil(now);
    idle.push(now);
  }

  private void finishProvisioned(long timedOut) {
    provisionedFree++;
    stats.busy(sim.now(), -1);
    if (timedOut == 0) stats.completed++;
  }

  @Override
  public void onHorizon() {
    expireUntil(sim.now());
  }

  /** Reclaims every idle instance whose keep-alive ended at or before {@code now}, at its own instant. */
  private void expireUntil(long now) {
    long keep = settings.keepAliveNanos();
    if (keep == Long.MAX_VALUE) return;
    while (!idle.isEmpty() && idle.oldest() + keep <= now) {
      long death = idle.oldest() + keep;
      idle.removeOldest();
      stats.instances(death, -1);
      stats.capacity(death, -1);
    }
  }

}
