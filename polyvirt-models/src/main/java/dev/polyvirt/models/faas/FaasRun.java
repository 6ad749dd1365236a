package dev.polyvirt.models.faas;

import dev.polyvirt.models.ModelResult;

/**
 * One FaaS run: the SPEC.md §3 result plus what the {@code faas} model measures beyond it, for a
 * reporting layer that wants them as fields (the result's notes carry them as text).
 *
 * @param result the figures every model reports
 * @param pings what the keep-warm pings did ({@link Pings.Figures#NONE} without pings)
 * @param idleInstanceGbSeconds wasted memory time: instance-time alive and serving nothing (no
 *     request, no ping, not starting up) × memory in GB (MB / 1024, as Lambda counts), over the
 *     horizon; provisioned instances and pre-warmed instances count while idle
 * @param preWarms app images an adaptive keep-alive re-loaded ahead of a request (0 for constant policies)
 * @param preWarmsTooLate times the app woke and cold-started before its pre-warm was due
 */
public record FaasRun(ModelResult result, Pings.Figures pings, double idleInstanceGbSeconds, long preWarms, long preWarmsTooLate) {
  /** Returns the wasted memory time in GB-hours. */
  public double idleInstanceGbHours() {
    return idleInstanceGbSeconds / 3600;
  }
}
