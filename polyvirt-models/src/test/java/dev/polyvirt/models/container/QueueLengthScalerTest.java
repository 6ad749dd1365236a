package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import org.junit.jupiter.api.Test;

/** KEDA-style scaling on the backlog: ceil(backlog / queueLength), scale to zero after the cooldown. */
class QueueLengthScalerTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  @Test
  void desiredPodsAreTheBacklogOverQueueLengthAndZeroAfterTheCooldown() {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(3600 * S);
    ServerPool pool = new ServerPool(sim, stats, LoadBalancer.SHARED_QUEUE, 1, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    });
    pool.add(0, 1.0);
    new QueueLengthScaler(sim, stats, pool, 0, 50, 5, () -> pool.add(0, 1.0)).start();
    // 20 requests of 60 s arrive at once: backlog 20 -> ceil(20 / 5) = 4 pods at the first sync
    sim.at(0, new EventHandler() {
      @Override
      public void onEvent(long payload) {
        for (int i = 0; i < 20; i++) pool.submit(60 * S);
      }
    }, 0);
    sim.runUntil(15 * S);
    assertThat(pool.provisioned()).isEqualTo(4);
    sim.runUntil(1200 * S); // all done long ago: 300 s cooldown, then zero
    assertThat(pool.provisioned()).isZero();
  }

  @Test
  void aScaledToZeroDeploymentWakesOnKedasPoll() {
    ModelResult r = Runs.run(new ContainerModel(), Runs.spec("3h", 2, """
        runtime: container-image
        traffic: {bursts: {baseRatePerSecond: 0.0001, burstRatePerSecond: 5, every: 1h, length: 5m, start: 30m}}
        request: {duration: 500ms, cpu: 250m, memory: 128Mi}
        candidates: [container]
        models:
          container: {nodeType: m5.large, autoscaling: {minReplicas: 0, maxReplicas: 20, queueLength: 5}}
        """));
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.avgInstances()).isLessThan(2);
    assertThat(f.latencyMs().max()).isGreaterThan(1000); // waited for activation and a pod start
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("KEDA 0-20 at 5 requests of backlog per pod"));
  }

  @Test
  void minReplicasZeroNeedsQueueLength() {
    assertThat(Runs.bindProblems(new ContainerModel(), Runs.spec("1h", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 500ms}
        models:
          container: {autoscaling: {minReplicas: 0, maxReplicas: 5}}
        """))).singleElement().asString().contains("queueLength");
  }
}
