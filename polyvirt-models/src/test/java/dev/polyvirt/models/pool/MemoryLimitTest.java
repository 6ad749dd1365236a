package dev.polyvirt.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A memory limit on a server: one request too many is an OOM kill of everything it holds, then a restart. */
class MemoryLimitTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  @ParameterizedTest
  @EnumSource(value = LoadBalancer.class, names = {"SHARED_QUEUE", "LEAST_REQUESTS"})
  void theRequestOverTheLimitKillsAllInServiceAndTheServerComesBackAfterTheRestart(LoadBalancer lb) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(Long.MAX_VALUE / 2);
    List<Long> kills = new ArrayList<>();
    ServerPool pool = new ServerPool(sim, stats, lb, 3, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    }).withMemoryLimit(2, (server, now) -> {
      kills.add(now);
      return 10 * S;
    });
    pool.add(0, 1.0);
    sim.at(0, x -> {
      pool.submit(5 * S);
      pool.submit(5 * S);
      pool.submit(5 * S); // the third working set does not fit: OOM kill
    }, 0);
    sim.at(2 * S, x -> pool.submit(S), 0); // arrives while the pod restarts: waits
    sim.runUntil(Long.MAX_VALUE);
    assertThat(pool.oomKills()).isEqualTo(1);
    assertThat(kills).containsExactly(0L);
    assertThat(stats.failed).isEqualTo(3);
    assertThat(stats.completed).isEqualTo(1);
    assertThat(stats.latency.count()).isEqualTo(1);
    assertThat(stats.latency.maxMs()).isEqualTo(9000.0); // waited from 2 s to the restart at 10 s, then 1 s of service
    assertThat(pool.ready()).isEqualTo(1);
  }
}
