package dev.polyvirt.models.faas.keepalive;

/**
 * The state of one {@link KeepAlivePolicy} during one run: it hears every invocation the
 * platform serves (requests and keep-warm pings alike: the platform cannot tell them apart) and
 * hands out the windows for each instance as it becomes idle.
 *
 * <p>Calls come in simulated-time order. After {@link #ended(long)}, {@link #preWarmNanos()} and
 * {@link #keepAliveNanos()} hold the windows for the instance that has just become idle.
 */
public interface KeepAliveWindows {
  /** An invocation starts at {@code now} on some instance (it was admitted, not throttled). */
  void invoked(long now);

  /** An invocation ended at {@code now}: its instance is idle; the windows below are for it. */
  void ended(long now);

  /** Returns how long the instance that has just become idle stays unloaded (0: it stays loaded). */
  long preWarmNanos();

  /** Returns how long it then stays loaded and idle before it is reclaimed ({@link KeepAlivePolicy#FOREVER}: never). */
  long keepAliveNanos();

  /**
   * Returns how long an idle instance other than the app's image stays loaded while the policy
   * keeps the app (the platform's normal keep-alive for concurrent instances; see
   * {@code AppInstances}). By default the keep-alive window itself, so a fixed policy behaves the
   * same whether applied per instance or per app.
   */
  default long instanceKeepAliveNanos() {
    return keepAliveNanos();
  }

  /** Describes what the policy did during the run, for the result's notes; empty when there is nothing to say. */
  default String summary() {
    return "";
  }
}
