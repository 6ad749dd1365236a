package dev.polyvirt.models.faas;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import dev.polyvirt.models.faas.keepalive.KeepAliveWindows;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Idle on-demand instances of one function under an adaptive keep-alive policy applied to the
 * <em>application</em>, as in Shahrad et al., "Serverless in the Wild", USENIX ATC 2020 §4.2: the
 * policy decides when the app's image is unloaded and pre-warmed, and its histogram learns the
 * app's idle times (from the end of the app's last running execution to its next invocation).
 *
 * <p>The app is <b>active</b> while any invocation runs (requests and pings, on provisioned or
 * on-demand instances) and <b>idle</b> otherwise. The policy hears only these transitions:
 * {@link KeepAliveWindows#invoked} when the app becomes active, {@link KeepAliveWindows#ended}
 * when it becomes idle. When it becomes idle at t with windows (pre-warm P, keep-alive W):
 * <ul>
 *   <li>P = 0: the app's image — its most recently used idle instance — stays loaded until t + W,
 *       then every instance of the app is unloaded;
 *   <li>P &gt; 0: every instance is unloaded at t, one instance is loaded (pre-warmed) at t + P and
 *       kept until t + P + W.
 * </ul>
 * The paper runs an app as one unit; here an app may have several instances at once (concurrent
 * invocations). While the app is active, and for the instances other than its image, an idle
 * instance follows the policy's {@linkplain KeepAliveWindows#instanceKeepAliveNanos() instance
 * keep-alive} (the platform's normal fixed keep-alive), capped by the app's unload. So a busy
 * function whose app is almost never idle behaves as under the fixed keep-alive, and a sparse
 * one (one instance) exactly as in the paper. With one instance at a time this is the paper's
 * per-app policy exactly.
 *
 * <p>Instance expiry is lazy (applied at the next event at the instant it fell due, as for a
 * constant keep-alive); the app's unload and pre-warm are one timer each, cancelled when the app
 * becomes active first. Events at or after the horizon are not scheduled. Nothing is allocated
 * per request.
 */
final class AppInstances {
  private static final long NO_EVENT = -1;

  private final Simulation sim;
  private final RunStats stats;
  private final long horizon;
  private final KeepAliveWindows windows;
  private final long instanceKeep;
  private final IdleInstances idle = new IdleInstances();
  private final EventHandler load = this::load;
  private final EventHandler unload = this::unload;
  private int running;
  /** The newest idle instance is the app's image, held by the app's window (exempt from the instance keep-alive). */
  private boolean pinned;
  private long timer = NO_EVENT;
  private boolean preWarmPending;
  private long keepAfterLoad;
  /** The app woke before its pre-warm: its first cold start is a pre-warm that came too late. */
  private boolean missed;
  /** Pre-warms that loaded the app's image before the horizon. */
  long preWarms;
  /** Activations of the app that cold-started before the pre-warm was due. */
  long preWarmsTooLate;

  AppInstances(Simulation sim, RunStats stats, KeepAliveWindows windows) {
    this.sim = sim;
    this.stats = stats;
    this.horizon = stats.horizon();
    this.windows = windows;
    this.instanceKeep = windows.instanceKeepAliveNanos();
  }

  /** Returns how many loaded idle instances there are (after expiring those due by {@code now}). */
  int warm(long now) {
    expire(now);
    return idle.size();
  }

  /** Returns true while a pre-warm is scheduled. */
  boolean preWarmPending() {
    return preWarmPending;
  }

  /** An invocation is admitted at {@code now} (before it takes an instance); it may wake the app. */
  void invoked(long now) {
    expire(now);
    if (running++ > 0) return;
    if (timer != NO_EVENT) sim.cancel(timer);
    timer = NO_EVENT;
    missed = preWarmPending;
    preWarmPending = false;
    // the image now follows the instance keep-alive; one held beyond it counts as used now
    if (pinned && !idle.isEmpty() && instanceKeep != KeepAlivePolicy.FOREVER && now - idle.newest() >= instanceKeep) {
      idle.restampNewest(now);
    }
    pinned = false;
    windows.invoked(now);
  }

  /** Takes a loaded idle instance as {@code selection} says; false when there is none. */
  boolean takeWarm(InstanceSelection selection, UniformRandomProvider pick) {
    missed = false;
    if (idle.isEmpty()) return false;
    switch (selection) {
      case MRU -> idle.removeNewest();
      case LRU -> idle.removeOldest();
      case RANDOM -> idle.removeAt(pick.nextInt(idle.size()));
    }
    return true;
  }

  /** The admitted invocation found no loaded instance and starts a new one. */
  void coldStart() {
    if (missed) preWarmsTooLate++;
    missed = false;
  }

  /** An invocation ended at {@code now}; its instance is idle if {@code onDemand} (a provisioned one is not ours). */
  void ended(long now, boolean onDemand) {
    expire(now);
    if (onDemand) idle.push(now);
    if (--running > 0) return;
    windows.ended(now);
    long preWarm = windows.preWarmNanos();
    long keep = windows.keepAliveNanos();
    if (preWarm <= 0) {
      if (keep <= 0) {
        unloadAll(now);
        return;
      }
      pinned = true;
      timer = schedule(now, keep, unload);
      return;
    }
    unloadAll(now);
    if (preWarm >= horizon - now) return; // never re-loaded within the billed span
    preWarmPending = true;
    keepAfterLoad = keep;
    timer = sim.at(now + preWarm, load, 0);
  }

  /** Applies the expiries due by the horizon. */
  void horizon(long now) {
    expire(now);
  }

  private void load(long unused) {
    long now = sim.now();
    preWarmPending = false;
    stats.instances(now, 1);
    stats.capacity(now, 1);
    preWarms++;
    idle.push(now);
    if (keepAfterLoad <= 0) {
      timer = NO_EVENT;
      unloadAll(now);
      return;
    }
    pinned = true;
    timer = schedule(now, keepAfterLoad, unload);
  }

  private void unload(long unused) {
    long now = sim.now();
    timer = NO_EVENT;
    expire(now);
    unloadAll(now);
  }

  /** Reclaims, at its own instant, every idle instance but a held image whose instance keep-alive ended by {@code now}. */
  private void expire(long now) {
    if (instanceKeep == KeepAlivePolicy.FOREVER) return;
    int keepAtLeast = pinned ? 1 : 0;
    while (idle.size() > keepAtLeast && now - idle.oldest() >= instanceKeep) {
      long death = idle.oldest() + instanceKeep;
      idle.removeOldest();
      stats.instances(death, -1);
      stats.capacity(death, -1);
    }
  }

  private void unloadAll(long now) {
    pinned = false;
    while (!idle.isEmpty()) {
      idle.removeOldest();
      stats.instances(now, -1);
      stats.capacity(now, -1);
    }
  }

  private long schedule(long now, long window, EventHandler h) {
    return window >= horizon - now ? NO_EVENT : sim.at(now + window, h, 0);
  }
}
