package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.container.ContainerSettings;
import dev.polyvirt.models.container.HorizontalPodAutoscaler;
import dev.polyvirt.models.container.RollingUpdate;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kubernetes controllers against the behaviour the Kubernetes documentation specifies.
 *
 * <ul>
 *   <li>Rolling update ("Deployments — Rolling Update Deployment"): "Deployment ensures that only a
 *       certain number of Pods are down while they are being updated. By default, it ensures that
 *       at least 75 % of the desired number of Pods are up (25 % max unavailable)" and at most
 *       {@code replicas + maxSurge} exist: ready pods never fall below {@code replicas − maxUnavailable}.
 *   <li>HPA ("Horizontal Pod Autoscaling — Algorithm details"): {@code desiredReplicas =
 *       ceil[currentReplicas × (currentMetricValue / desiredMetricValue)]} on a step change of load.
 * </ul>
 */
class ContainerControllersTest {
  private static final long S = SimTime.NANOS_PER_SECOND, MS = SimTime.NANOS_PER_MILLI;

  private static ServerPool pool(Simulation sim, RunStats stats) {
    return new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, 1, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    });
  }

  /** Feeds a fixed request of {@code service} every {@code gap} until {@code until}. */
  private static void feed(Simulation sim, ServerPool pool, long from, long gap, long service, long until) {
    sim.at(from, new EventHandler() {
      @Override
      public void onEvent(long payload) {
        pool.submit(service);
        if (sim.now() + gap < until) sim.after(gap, this, 0);
      }
    }, 0);
  }

  @ParameterizedTest(name = "replicas {0}, maxSurge {1}, maxUnavailable {2}, seed {3}")
  @CsvSource({"4, 1, 0, 1", "4, 0, 1, 2", "10, 3, 2, 3", "10, 25, 0, 4", "8, 2, 2, 5", "1, 1, 0, 6", "20, 5, 5, 7"})
  void rollingUpdateNeverDropsBelowReplicasMinusMaxUnavailable(int replicas, int surge, int unavailable, long seed) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(2 * 3600 * S);
    ServerPool pool = pool(sim, stats);
    for (int i = 0; i < replicas; i++) pool.add(0, 1.0);
    feed(sim, pool, 0, 50 * MS, 200 * MS, 3600 * S); // keeps old pods busy so deletions drain
    SplittableRandom rnd = new SplittableRandom(seed);
    RollingUpdate rollout = new RollingUpdate(sim, pool, surge, unavailable,
        () -> (1 + rnd.nextInt(30)) * S, start -> pool.add(start, 1.0));
    rollout.startAt(60 * S);
    int minReady = Integer.MAX_VALUE, maxPods = 0;
    for (long t = 0; t <= 1800 * S; t += 10 * MS) {
      sim.runUntil(t);
      minReady = Math.min(minReady, pool.ready());
      maxPods = Math.max(maxPods, pool.provisioned());
    }
    assertThat(rollout.finishedAt()).as("finished").isPositive();
    assertThat(minReady).isGreaterThanOrEqualTo(replicas - unavailable);
    assertThat(maxPods).isLessThanOrEqualTo(replicas + surge);
    if (unavailable > 0) assertThat(minReady).as("the dip is used").isEqualTo(replicas - unavailable);
    assertThat(pool.ready()).isEqualTo(replicas);
    for (int s = 0; s < replicas; s++) assertThat(pool.isProvisioned(s)).as("old pod %d replaced", s).isFalse();
  }

  @ParameterizedTest(name = "{0} pods at {1}% target, load {2} busy pods -> {3}")
  @CsvSource({
      "4, 50, 4, 8",    // 100 % / 50 %: ceil(4 x 2) = 8
      "4, 50, 3, 6",    // 75 % / 50 %: ceil(4 x 1.5) = 6
      "5, 70, 4.5, 7",  // 90 % / 70 %: ceil(5 x 1.2857) = 7
      "10, 60, 7, 12",  // 70 % / 60 %: ceil(10 x 1.1667) = 12
      "10, 60, 6.4, 10"}) // 64 % / 60 % = 1.067: inside the 10 % tolerance, no change
  void hpaReachesTheDocumentedReplicaCountOnAStepOfLoad(int pods, double target, double busyPods, int expected) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(3600 * S);
    ServerPool pool = pool(sim, stats);
    for (int i = 0; i < pods; i++) pool.add(0, 1.0);
    new HorizontalPodAutoscaler(sim, stats, pool, new ContainerSettings.Hpa(1, 100, target), 1.0, () -> pool.add(0, 1.0)).start();
    // a 1 s request every 1/busyPods s keeps exactly busyPods pods busy; the step comes at 0
    feed(sim, pool, 0, Math.round(S / busyPods), S, 3600 * S);
    sim.runUntil(15 * S); // the first sync, 15 s in, sees one full period of the new load
    assertThat(pool.provisioned()).isEqualTo(expected);
    assertThat(expected).isEqualTo(Math.abs(busyPods / pods / (target / 100) - 1) <= 0.1 ? pods
        : (int) Math.ceil(pods * (busyPods / pods) / (target / 100) - 1e-9));
  }
}
