package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.pool.ServerPool;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Pods whose container hangs now and then ({@code livenessFailures: {mtbf: 24h}}): each Ready pod
 * fails independently with exponentially distributed time between failures of mean {@code mtbf}.
 * A failed pod's requests in service fail; the kubelet notices after {@code failureThreshold}
 * consecutive failed liveness probes, {@code periodSeconds} apart (defaults 3 and 10 s: 30 s;
 * Kubernetes docs, "Configure Liveness, Readiness and Startup Probes"), and restarts the container
 * after the CrashLoopBackOff delay (10 s doubling to 5 min) plus a container start.
 *
 * <p>Drawn minute by minute: in each minute every Ready pod fails with probability
 * {@code 1 − exp(−60 s / mtbf)}, at a uniform instant within it (the exponential's memorylessness
 * makes this exact up to pods added or removed within the minute). The pod leaves rotation at the
 * failure (optimistic: requests routed to the hung pod during the 30 s of failing probes are not
 * counted as failed; a readiness probe would take as long to remove it).
 */
final class LivenessFailures implements EventHandler {
  /** failureThreshold 3 × periodSeconds 10 s, the probe defaults. */
  static final long DETECTION = 30 * SimTime.NANOS_PER_SECOND;
  private static final long STEP = SimTime.NANOS_PER_MINUTE;

  private final Simulation sim;
  private final ServerPool pods;
  private final double perStep;
  private final UniformRandomProvider rng;
  private final long horizon;

  LivenessFailures(Simulation sim, ServerPool pods, long mtbfNanos, UniformRandomProvider rng, long horizon) {
    this.sim = sim;
    this.pods = pods;
    this.perStep = 1 - Math.exp(-(double) STEP / mtbfNanos);
    this.rng = rng;
    this.horizon = horizon;
  }

  /** Starts drawing failures. */
  void start() {
    sim.after(0, this, 0);
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now >= horizon) return;
    for (int server = 0; server < pods.added(); server++) {
      if (pods.isReady(server) && rng.nextDouble() < perStep) {
        int s = server;
        sim.after((long) (rng.nextDouble() * STEP), p -> pods.crash(s), 0);
      }
    }
    sim.after(STEP, this, 0);
  }
}
