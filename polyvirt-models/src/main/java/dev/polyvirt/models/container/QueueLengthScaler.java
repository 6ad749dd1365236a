package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.ServerPool;
import java.util.ArrayDeque;

/**
 * KEDA-style scaling on queue length (KEDA docs, "Scaling Deployments" and the aws-sqs-queue
 * scaler): the metric is the backlog — requests waiting plus in flight, as SQS's scaler counts
 * visible and in-flight messages by default — and the HPA that KEDA feeds computes
 * desired = ceil(backlog / queueLength) every 15 s (an AverageValue external metric), with the
 * HPA's scale-up limit (+100 % or +4 pods per sync) and 300 s scale-down stabilisation. KEDA
 * itself activates a Deployment scaled to zero when its 30 s poll sees a backlog, and scales it to
 * zero after the 300 s cooldown without one (figures.md, "KEDA: polling 30 s, cooldown 300 s").
 */
final class QueueLengthScaler implements EventHandler {
  static final long SYNC = 15 * SimTime.NANOS_PER_SECOND;
  static final long POLLING = 30 * SimTime.NANOS_PER_SECOND;
  static final long COOLDOWN = 300 * SimTime.NANOS_PER_SECOND;
  static final long STABILISATION = 300 * SimTime.NANOS_PER_SECOND;

  private final Simulation sim;
  private final RunStats stats;
  private final ServerPool pool;
  private final int min;
  private final int max;
  private final int queueLength;
  private final Runnable addPod;
  private final ArrayDeque<long[]> recommendations = new ArrayDeque<>();
  private long lastActive;

  QueueLengthScaler(Simulation sim, RunStats stats, ServerPool pool, int min, int max, int queueLength, Runnable addPod) {
    this.sim = sim;
    this.stats = stats;
    this.pool = pool;
    this.min = min;
    this.max = max;
    this.queueLength = queueLength;
    this.addPod = addPod;
  }

  void start() {
    sim.after(SYNC, this, 0);
  }

  @Override
  public void onEvent(long payload) {
    long now = sim.now();
    if (now > stats.horizon()) return;
    long backlog = pool.queued() + stats.busy.value();
    if (backlog > 0) lastActive = now;
    int current = pool.provisioned();
    if (current == 0) {
      // scaled to zero: only KEDA's poll can activate the Deployment
      if (backlog > 0 && now % POLLING == 0) addPod.run();
    } else {
      int desired = (int) Math.min(max, Math.max(Math.max(1, min), (backlog + queueLength - 1) / queueLength));
      if (min == 0 && backlog == 0 && now - lastActive >= COOLDOWN) desired = 0;
      recommendations.addLast(new long[] {now, desired});
      while (recommendations.peekFirst()[0] < now - STABILISATION) recommendations.removeFirst();
      if (desired > current) {
        int limit = Math.max(current * 2, current + 4);
        for (int i = current; i < Math.min(desired, limit); i++) addPod.run();
      } else {
        long stable = desired == 0 ? 0 : recommendations.stream().mapToLong(r -> r[1]).max().orElse(desired);
        for (long i = stable; i < current; i++) pool.removeOne();
      }
    }
    sim.after(SYNC, this, 0);
  }
}
