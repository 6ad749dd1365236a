package dev.polyvirt.models.container.cgroups;

import dev.polyvirt.engine.SimTime;

/**
 * The kubelet's restart back-off for a container that keeps dying (Kubernetes docs, "Pod
 * Lifecycle — Container restarts"): after a crash (here: an OOM kill for going over
 * {@code limits.memory}) it waits 10 s, then 20 s, 40 s, … capped at five minutes; once the
 * container has run for 10 minutes without a problem the back-off resets.
 */
public final class CrashLoopBackOff {
  static final long INITIAL = 10 * SimTime.NANOS_PER_SECOND;
  static final long CAP = 5 * SimTime.NANOS_PER_MINUTE;
  static final long RESET_AFTER = 10 * SimTime.NANOS_PER_MINUTE;

  private long next = INITIAL;
  private long runningSince = 0;
  private int restarts;

  /** Records a crash at {@code now}; returns how long the kubelet waits before restarting. */
  public long crashed(long now) {
    if (now - runningSince >= RESET_AFTER) next = INITIAL;
    long delay = next;
    next = Math.min(CAP, next * 2);
    restarts++;
    return delay;
  }

  /** Records that the container (re)started running at {@code now}. */
  public void started(long now) {
    runningSince = now;
  }

  /** Returns the restarts so far. */
  public int restarts() {
    return restarts;
  }
}
