package dev.polyvirt.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A server crashed from outside (a failed liveness probe): its requests in service fail, then it restarts. */
class CrashTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  @ParameterizedTest
  @EnumSource(value = LoadBalancer.class, names = {"SHARED_QUEUE", "LEAST_REQUESTS"})
  void aCrashFailsWhatTheServerHoldsAndItServesAgainAfterTheRestart(LoadBalancer lb) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(Long.MAX_VALUE / 2);
    ServerPool pool = new ServerPool(sim, stats, lb, 2, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    }).withCrashes((server, now) -> 45 * S); // 30 s of failed probes + 10 s back-off + 5 s start
    pool.add(0, 1.0);
    sim.at(0, x -> {
      pool.submit(5 * S);
      pool.submit(5 * S);
    }, 0);
    sim.at(S, x -> assertThat(pool.crash(0)).isTrue(), 0);
    sim.at(2 * S, x -> {
      assertThat(pool.crash(0)).isFalse(); // already down
      pool.submit(S); // waits for the restart at 46 s
    }, 0);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(pool.crashes()).isEqualTo(1);
    assertThat(stats.failed).isEqualTo(2);
    assertThat(stats.completed).isEqualTo(1);
    assertThat(stats.latency.maxMs()).isEqualTo(45_000.0); // from 2 s to 46 s, then 1 s of service
    assertThat(pool.oomKills()).isZero();
  }
}
