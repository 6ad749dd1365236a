package dev.polyvirt.models.faas.keepalive;

/**
 * How long a FaaS platform keeps an idle function instance, bound from {@code models.faas.keepAlive}.
 *
 * <p>A policy is immutable settings, shared by every run that uses them; {@link #newRun()} gives
 * the state of one run. After each invocation the platform asks that state for two windows for
 * the instance that has just become idle: it is unloaded for the <em>pre-warm</em> window (costs
 * nothing, counts as no instance; 0 = it stays loaded), then loaded and kept idle for the
 * <em>keep-alive</em> window, then reclaimed. A request that finds a loaded idle instance is warm;
 * otherwise it cold-starts.
 *
 * <p>To add a policy: a class implementing this interface (and, if it adapts, its
 * {@link KeepAliveWindows}), plus one line in {@link KeepAlivePolicies}.
 */
public interface KeepAlivePolicy {
  /** The answer of {@link #constantKeepAliveNanos()} for a policy whose windows change. */
  long ADAPTIVE = -1;
  /** A keep-alive window that never ends. */
  long FOREVER = Long.MAX_VALUE;

  /** Returns the name it is registered under, e.g. {@code fixed}, {@code aws}, {@code hybrid}. */
  String name();

  /** Describes the policy for a result's notes, e.g. {@code 10m}, {@code forever}, {@code hybrid histogram (...)}. */
  String describe();

  /**
   * Returns the keep-alive every idle instance gets when the policy never pre-warms and its window
   * never changes ({@code >= 0}; {@link #FOREVER}), else {@link #ADAPTIVE}. A constant policy lets
   * the platform expire instances lazily, without a timer per instance; the outcome is the same
   * as asking {@link #newRun()}'s windows after every invocation.
   */
  default long constantKeepAliveNanos() {
    return ADAPTIVE;
  }

  /** Returns fresh state for one simulated run. */
  KeepAliveWindows newRun();
}
