package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import org.junit.jupiter.api.Test;

/**
 * The HPA controller on a pool of single-slot pods that start instantly, under an exactly known
 * load: a 1 s request every 250 ms (4 busy pods' worth of CPU) for 600 s, then nothing.
 */
class HorizontalPodAutoscalerTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  private final Simulation sim = new Simulation();
  private final RunStats stats = new RunStats(30 * SimTime.NANOS_PER_MINUTE);
  private final ServerPool pool = new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, 1, new ServerPool.Lifecycle() {
    @Override
    public void started(int server, long now) {}

    @Override
    public void stopped(int server, long now) {}
  });

  private void start(int minReplicas, int maxReplicas) {
    pool.add(0, 1.0);
    new HorizontalPodAutoscaler(sim, stats, pool, new ContainerSettings.Hpa(minReplicas, maxReplicas, 50), 1.0,
        () -> pool.add(0, 1.0)).start();
    EventHandler feed = new EventHandler() {
      @Override
      public void onEvent(long payload) {
        pool.submit(S);
        if (sim.now() + S / 4 < 600 * S) sim.after(S / 4, this, 0);
      }
    };
    sim.at(0, feed, 0);
  }

  private int podsAt(long seconds) {
    sim.runUntil(seconds * S);
    return pool.provisioned();
  }

  @Test
  void scaleUpIsLimitedToDoublingOrFourPodsPerSync() {
    // Each 15 s sync adds at most max(100 %, 4 pods): from one saturated pod the deployment goes 1 -> 2 -> 4 -> 8.
    start(1, 20);
    assertThat(podsAt(14)).isEqualTo(1);
    assertThat(podsAt(15)).isEqualTo(2);
    assertThat(podsAt(30)).isEqualTo(4);
    assertThat(podsAt(45)).isEqualTo(8);
  }

  @Test
  void scalesToLoadOverTargetUnderSteadyLoad() {
    // Under a steady load the HPA settles on ceil(busy CPU / target) pods: 4 busy pods' worth at 50 % is 8 pods.
    start(1, 20);
    assertThat(podsAt(590)).isEqualTo(8);
  }

  @Test
  void scaleDownWaitsForTheStabilisationWindow() {
    // After the load stops, pods stay at the highest recommendation of the last 300 s, then drop to minReplicas.
    start(1, 20);
    int loaded = podsAt(600);
    assertThat(loaded).isEqualTo(8);
    assertThat(podsAt(615)).as("load gone, but within the window").isEqualTo(loaded);
    assertThat(podsAt(899)).as("299 s after the last high recommendation").isEqualTo(loaded);
    assertThat(podsAt(915)).as("window passed").isEqualTo(1);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).as("every request of 600 s at 4/s served").isEqualTo(2400);
  }

  @Test
  void replicasStayWithinMinAndMax() {
    // The HPA never goes above maxReplicas nor below minReplicas, whatever the load.
    start(3, 5);
    assertThat(podsAt(14)).isEqualTo(1); // the initial pod, before the first sync
    for (long t = 15; t <= 1200; t += 15) {
      int pods = podsAt(t);
      assertThat(pods).as("t=%d s", t).isBetween(3, 5);
      if (t == 300) assertThat(pods).as("loaded: capped at max").isEqualTo(5);
    }
    assertThat(podsAt(1200)).as("idle: floored at min").isEqualTo(3);
  }
}
