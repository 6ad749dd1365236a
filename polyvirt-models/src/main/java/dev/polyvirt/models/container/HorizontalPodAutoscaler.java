package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.ServerPool;
import java.util.ArrayDeque;

/**
 * The Kubernetes HorizontalPodAutoscaler on CPU (Kubernetes docs, "Horizontal Pod Autoscaling").
 *
 * <p>Every 15 s (the controller's sync period) it takes the ready pods' CPU usage over the last
 * period as a fraction of their CPU requests, and computes desired = ceil(current × usage /
 * target), doing nothing while usage / target is within the 10 % tolerance. Scale-up is limited
 * by the default behaviour (at most +100 % or +4 pods per 15 s, whichever is more); scale-down
 * takes the highest recommendation of the last 300 s (the default stabilisation window).
 */
public final class HorizontalPodAutoscaler implements EventHandler {
  static final long SYNC_PERIOD = 15 * SimTime.NANOS_PER_SECOND;
  static final long STABILISATION = 300 * SimTime.NANOS_PER_SECOND;
  static final double TOLERANCE = 0.1;

  private final Simulation sim;
  private final RunStats stats;
  private final ServerPool pool;
  private final ContainerSettings.Hpa hpa;
  private final double requestCpuPerPodCpu; // one busy slot's CPU as a fraction of the pod's request
  private final Runnable addPod;
  private final ArrayDeque<long[]> recommendations = new ArrayDeque<>();
  private double lastBusy;
  private java.util.function.IntSupplier lost = () -> 0;

  public HorizontalPodAutoscaler(Simulation sim, RunStats stats, ServerPool pool, ContainerSettings.Hpa hpa,
      double requestCpuPerPodCpu, Runnable addPod) {
    this.sim = sim;
    this.stats = stats;
    this.pool = pool;
    this.hpa = hpa;
    this.requestCpuPerPodCpu = requestCpuPerPodCpu;
    this.addPod = addPod;
  }

  /**
   * Counts {@code lost} pods (on a node that failed, not yet evicted) among the current replicas:
   * the Deployment still owns them, so the HPA's current count includes them (they are not ready).
   */
  public HorizontalPodAutoscaler countingLost(java.util.function.IntSupplier lost) {
    this.lost = lost;
    return this;
  }

  public void start() {
    sim.after(SYNC_PERIOD, this, 0);
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > stats.horizon()) return;
    double busy = stats.busy.integralSeconds(now);
    int ready = pool.ready();
    int current = pool.provisioned() + lost.getAsInt();
    double usage = ready == 0 ? 0 : (busy - lastBusy) * requestCpuPerPodCpu / (ready * SimTime.toSeconds(SYNC_PERIOD));
    lastBusy = busy;
    double ratio = usage / (hpa.averageUtilization() / 100.0);
    int desired = current;
    if (ready > 0 && Math.abs(ratio - 1) > TOLERANCE) desired = (int) Math.ceil(ready * ratio - 1e-9) + (current - ready);
    desired = Math.max(hpa.minReplicas(), Math.min(hpa.maxReplicas(), desired));
    recommendations.addLast(new long[] {now, desired});
    while (recommendations.peekFirst()[0] < now - STABILISATION) recommendations.removeFirst();
    if (desired > current) {
      int limit = Math.max(current * 2, current + 4);
      for (int i = current; i < Math.min(desired, limit); i++) addPod.run();
    } else {
      long stable = recommendations.stream().mapToLong(r -> r[1]).max().orElse(desired);
      for (long i = stable; i < current; i++) pool.removeOne();
    }
    sim.after(SYNC_PERIOD, this, 0);
  }
}
