package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.pool.LoadBalancer;
import dev.polyvirt.models.pool.ServerPool;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-pod queues against queueing theory (Kleinrock, Queueing Systems Vol. 1; Harchol-Balter,
 * Performance Modeling and Design of Computer Systems, ch. 14 and 24), Poisson arrivals and
 * exponential service:
 *
 * <ul>
 *   <li>one pod: every balancer is an M/M/1 queue, mean response 1 / (μ − λ);
 *   <li>c pods at high load: one shared queue (M/M/c, Erlang C) ≤ least-requests (join the
 *       shortest queue) ≤ round-robin (each pod an E_c/M/1 queue: more regular than Poisson) ≤
 *       c independent M/M/1 queues at λ / c (random splitting) — the known ordering of dispatch
 *       policies;
 *   <li>random with two choices sits between least-requests (full knowledge) and one random
 *       choice (the independent M/M/1 queues): Mitzenmacher, "The Power of Two Choices in
 *       Randomized Load Balancing", IEEE TPDS 2001.
 * </ul>
 */
class LoadBalancerQueueingTest {
  private static final double MU = 10; // per second: 100 ms mean service

  private static double meanResponseSeconds(LoadBalancer lb, int pods, double lambda, long requests, long seed) {
    Simulation sim = new Simulation();
    RunStats stats = new RunStats(Long.MAX_VALUE / 4);
    ServerPool pool = new ServerPool(sim, stats, lb, 1, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    });
    for (int i = 0; i < pods; i++) pool.add(0, 1.0);
    pool.withRandom(org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    SplittableRandom rnd = new SplittableRandom(seed);
    sim.at(0, new EventHandler() {
      long sent;

      @Override
      public void onEvent(long payload) {
        pool.submit(exp(rnd, MU));
        if (++sent < requests) sim.after(exp(rnd, lambda), this, 0);
      }
    }, 0);
    sim.runUntil(Long.MAX_VALUE);
    return stats.latency.meanMs() / 1000;
  }

  private static long exp(SplittableRandom rnd, double rate) {
    return Math.max(1, Math.round(-Math.log(1 - rnd.nextDouble()) / rate * SimTime.NANOS_PER_SECOND));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"round-robin", "least-requests", "shared-queue", "random-two-choices"})
  void onePodIsMM1(String balancer) {
    double lambda = 7;
    double expected = 1 / (MU - lambda);
    assertThat(meanResponseSeconds(LoadBalancer.of(balancer), 1, lambda, 400_000, 11)).isCloseTo(expected, within(0.04 * expected));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22})
  void atHighLoadSharedBeatsLeastRequestsBeatsRoundRobinBeatsIndependentQueues(long seed) {
    int c = 4;
    double lambda = 0.9 * c * MU;
    double erlangC = ErlangC.meanWait(c, lambda, MU) + 1 / MU;
    double mm1 = 1 / (MU - lambda / c);
    double shared = meanResponseSeconds(LoadBalancer.SHARED_QUEUE, c, lambda, 400_000, seed);
    double least = meanResponseSeconds(LoadBalancer.LEAST_REQUESTS, c, lambda, 400_000, seed);
    double rr = meanResponseSeconds(LoadBalancer.ROUND_ROBIN, c, lambda, 400_000, seed);
    double two = meanResponseSeconds(LoadBalancer.RANDOM_TWO_CHOICES, c, lambda, 400_000, seed);
    System.out.printf("c=4 rho=0.9 mean response s: Erlang C %.3f, shared %.3f, least-requests %.3f, two choices %.3f, round-robin %.3f, M/M/1 %.3f%n",
        erlangC, shared, least, two, rr, mm1);
    assertThat(two).isGreaterThan(least).isLessThan(0.8 * mm1);
    assertThat(shared).isCloseTo(erlangC, within(0.05 * erlangC));
    assertThat(least).isGreaterThan(shared);
    assertThat(rr).isGreaterThan(1.2 * least);
    assertThat(rr).isLessThan(mm1);
  }
}
