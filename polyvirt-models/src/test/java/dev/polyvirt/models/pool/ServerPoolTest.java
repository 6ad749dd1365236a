package dev.polyvirt.models.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server pool at the heart of the VM and container models, driven event by event. */
class ServerPoolTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  private final Simulation sim = new Simulation();
  private final RunStats stats = new RunStats(Long.MAX_VALUE / 2);
  private final List<String> lifecycle = new ArrayList<>();

  private ServerPool pool(LoadBalancer balancer, int slots) {
    return new ServerPool(sim, stats, balancer, slots, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {
        lifecycle.add("start " + server + " @" + now / S);
      }

      @Override
      public void stopped(int server, long now) {
        lifecycle.add("stop " + server + " @" + now / S);
      }
    }).withRandom(dev.polyvirt.engine.random.RandomStreams.root(7).stream("balancer"));
  }

  /** Submits a request of {@code serviceS} seconds at {@code atS} seconds. */
  private void submitAt(ServerPool pool, double atS, double serviceS) {
    sim.at(Math.round(atS * S), p -> pool.submit(Math.round(serviceS * S)), 0);
  }

  private long completedBy(double atS) {
    sim.runUntil(Math.round(atS * S));
    return stats.completed;
  }

  @Test
  void sharedQueueServesInArrivalOrder() {
    // With one FIFO queue, a request that arrives later never starts before an earlier waiting one, whatever its size.
    ServerPool pool = pool(LoadBalancer.SHARED_QUEUE, 1);
    pool.add(0, 1.0);
    submitAt(pool, 0, 10); // A: runs 0-10
    submitAt(pool, 1, 1);  // B: waits, runs 10-11
    submitAt(pool, 2, 5);  // C: waits, runs 11-16 (LIFO would run it 10-15 and B 15-16)
    assertThat(completedBy(10.5)).isEqualTo(1);
    assertThat(completedBy(11)).as("B, the earlier arrival, finishes first").isEqualTo(2);
    assertThat(completedBy(15.5)).isEqualTo(2);
    assertThat(completedBy(16)).isEqualTo(3);
    // latencies 10, 10, 14 s
    assertThat(stats.latency.meanMs()).isCloseTo(34_000.0 / 3, within(1e-6));
    assertThat(stats.latency.maxMs()).isEqualTo(14_000.0);
  }

  @Test
  void sharedQueueFeedsWhicheverServerFreesFirst() {
    // With several servers, the head of the shared queue goes to the first slot that frees, in FIFO order.
    ServerPool pool = pool(LoadBalancer.SHARED_QUEUE, 1);
    pool.add(0, 1.0);
    pool.add(0, 1.0);
    submitAt(pool, 0, 10); // server x: 0-10
    submitAt(pool, 0, 2);  // server y: 0-2
    submitAt(pool, 1, 3);  // waits for y: 2-5
    submitAt(pool, 1.5, 1); // waits for y: 5-6 (not for x, busy until 10)
    assertThat(completedBy(6)).isEqualTo(3);
    assertThat(pool.queued()).isZero();
    assertThat(completedBy(10)).isEqualTo(4);
    // latencies 10, 2, 4, 4.5 s
    assertThat(stats.latency.meanMs()).isCloseTo(20_500.0 / 4, within(1e-6));
  }

  @Test
  void roundRobinSpreadsRequestsEvenly() {
    // Round-robin gives each of n servers every n-th request, so 9 equal requests on 3 servers finish in 3 rounds with none idle.
    ServerPool pool = pool(LoadBalancer.ROUND_ROBIN, 1);
    for (int i = 0; i < 3; i++) pool.add(0, 1.0);
    for (int i = 0; i < 9; i++) submitAt(pool, 0, 1);
    sim.runUntil(0);
    assertThat(pool.queued()).isEqualTo(6);
    assertThat(completedBy(1)).isEqualTo(3);
    assertThat(completedBy(2)).isEqualTo(6);
    assertThat(completedBy(3)).isEqualTo(9);
    assertThat(stats.latency.maxMs()).as("no server got a fourth request").isEqualTo(3000.0);
    assertThat(stats.latency.meanMs()).isCloseTo(2000.0, within(1e-6));
  }

  @Test
  void roundRobinIgnoresLoadButLeastRequestsAvoidsIt() {
    // Round-robin sends the next request to the next server even if it is busy; least-requests sends it to the idle one.
    double[] meanMs = new double[2];
    long[] doneBy3s = new long[2];
    int i = 0;
    for (LoadBalancer b : new LoadBalancer[] {LoadBalancer.ROUND_ROBIN, LoadBalancer.LEAST_REQUESTS}) {
      Simulation s = new Simulation();
      RunStats st = new RunStats(Long.MAX_VALUE / 2);
      ServerPool p = new ServerPool(s, st, b, 1, new ServerPool.Lifecycle() {
        @Override
        public void started(int server, long now) {}

        @Override
        public void stopped(int server, long now) {}
      });
      p.add(0, 1.0);
      p.add(0, 1.0);
      s.at(0, x -> p.submit(10 * S), 0);         // server 0 busy until 10
      s.at(1 * S, x -> p.submit(S / 2), 0);      // server 1 busy 1-1.5
      s.at(2 * S, x -> p.submit(1 * S), 0);      // RR: server 0 again, queued until 10; LR: server 1, idle
      s.runUntil(3 * S);
      doneBy3s[i] = st.completed;
      s.runUntil(Long.MAX_VALUE);
      meanMs[i++] = st.latency.meanMs();
    }
    // RR latencies 10, 0.5, 9 s; LR latencies 10, 0.5, 1 s
    assertThat(doneBy3s[0]).as("round-robin").isEqualTo(1);
    assertThat(meanMs[0]).as("round-robin").isCloseTo(19_500.0 / 3, within(1e-6));
    assertThat(doneBy3s[1]).as("least-requests").isEqualTo(2);
    assertThat(meanMs[1]).as("least-requests").isCloseTo(11_500.0 / 3, within(1e-6));
  }

  @Test
  void leastRequestsPicksTheLeastLoadedServer() {
    // Least-requests joins the server with the fewest requests in flight or queued, ties to the lowest index.
    ServerPool pool = pool(LoadBalancer.LEAST_REQUESTS, 1);
    for (int i = 0; i < 3; i++) pool.add(0, 1.0);
    submitAt(pool, 0, 10);   // s0 (all idle: lowest index)
    submitAt(pool, 0, 10);   // s1
    submitAt(pool, 0, 1);    // s2, free at 1
    submitAt(pool, 2, 1);    // s2 (the only idle one), done at 3: latency 1 s
    submitAt(pool, 2.5, 4);  // every server holds one: tie to s0, queued until 10: latency 7.5 + 4 s
    sim.runUntil(3 * S);
    assertThat(stats.completed).isEqualTo(2);
    assertThat(pool.queued()).isEqualTo(1);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).isEqualTo(5);
    assertThat(stats.latency.maxMs()).isEqualTo(11_500.0);
    assertThat(stats.latency.meanMs()).isCloseTo(33_500.0 / 5, within(1e-6));
    assertThat(sim.now()).as("the queued request ran on s0 after its 10 s request").isEqualTo(14 * S);
  }

  @ParameterizedTest
  @EnumSource(LoadBalancer.class)
  void serverRemovedWhileBusyFinishesItsWorkThenStops(LoadBalancer balancer) {
    // Scale-in drains a busy server: it leaves rotation at once but finishes what it holds, and stops only then.
    ServerPool pool = pool(balancer, 1);
    pool.add(0, 1.0);
    submitAt(pool, 0, 5);
    sim.runUntil(1 * S);
    assertThat(pool.removeOne()).isTrue();
    assertThat(pool.ready()).isZero();
    assertThat(pool.provisioned()).isZero();
    assertThat(pool.alive()).as("still draining").isEqualTo(1);
    assertThat(completedBy(4.9)).isZero();
    assertThat(completedBy(5)).isEqualTo(1);
    assertThat(pool.alive()).isZero();
    assertThat(stats.latency.maxMs()).isEqualTo(5000.0);
    assertThat(lifecycle).containsExactly("start 0 @0", "stop 0 @5");
    assertThat(stats.instances.value()).isZero();
    assertThat(pool.removeOne()).as("nothing left to remove").isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = LoadBalancer.class, names = {"ROUND_ROBIN", "LEAST_REQUESTS"})
  void drainingServerAlsoFinishesItsOwnQueue(LoadBalancer balancer) {
    // With per-server queues, a drained server serves the requests already queued on it before it stops.
    ServerPool pool = pool(balancer, 1);
    pool.add(0, 1.0);
    submitAt(pool, 0, 2);
    submitAt(pool, 0, 3);
    sim.runUntil(0);
    assertThat(pool.removeOne()).isTrue();
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).isEqualTo(2);
    assertThat(lifecycle).containsExactly("start 0 @0", "stop 0 @5");
  }

  @Test
  void removalPrefersBootingThenLeastBusyServers() {
    // Scale-in takes a booting server first, and otherwise the ready server with the least work.
    ServerPool pool = pool(LoadBalancer.LEAST_REQUESTS, 1);
    pool.add(0, 1.0);            // s0
    pool.add(0, 1.0);            // s1
    pool.add(60 * S, 1.0);       // s2 booting
    submitAt(pool, 0, 10);       // s0 busy
    sim.runUntil(0);
    assertThat(pool.removeOne()).isTrue();
    assertThat(lifecycle).contains("stop 2 @0");
    assertThat(pool.removeOne()).isTrue();
    assertThat(lifecycle).contains("stop 1 @0");
    sim.runUntil(Long.MAX_VALUE);
    assertThat(pool.ready()).isEqualTo(1);
    assertThat(stats.completed).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(LoadBalancer.class)
  void requestsBeforeAnyServerIsReadyWaitForTheFirst(LoadBalancer balancer) {
    // A request that finds no ready server is held, never dropped, and served as soon as a server becomes ready.
    ServerPool pool = pool(balancer, 2);
    pool.add(10 * S, 1.0);
    submitAt(pool, 0, 1);
    submitAt(pool, 3, 1);
    submitAt(pool, 4, 1);
    sim.runUntil(9 * S);
    assertThat(pool.queued()).isEqualTo(3);
    assertThat(pool.ready()).isZero();
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).isEqualTo(3);
    // two slots from 10 s: first two run 10-11 (latencies 11 and 8), the third 11-12 (latency 8)
    assertThat(stats.latency.maxMs()).isEqualTo(11_000.0);
    assertThat(stats.latency.meanMs()).isCloseTo(27_000.0 / 3, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(LoadBalancer.class)
  void requestsHeldBeforeAnyServerWasReadyAreNotOvertakenByLaterArrivals(LoadBalancer balancer) {
    // Requests held at the balancer while no server was ready go before requests that arrive after one is ready (no starvation of the held ones).
    ServerPool pool = pool(balancer, 1);
    pool.add(10 * S, 1.0);
    submitAt(pool, 1, 1);    // A, held: runs 10-11
    submitAt(pool, 2, 1);    // B, held: should run 11-12
    submitAt(pool, 3, 1);    // C, held: should run 12-13
    submitAt(pool, 10.5, 1); // D, arrives after the server is ready: should run 13-14
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.completed).isEqualTo(4);
    // in arrival order the latencies are 10, 10, 10 and 3.5 s; a held request served after D waits 11 s
    assertThat(stats.latency.maxMs()).as("longest latency").isEqualTo(10_000.0);
  }

  @ParameterizedTest
  @EnumSource(LoadBalancer.class)
  void latencyIsWaitPlusServiceTimesSlowdown(LoadBalancer balancer) {
    // A request's latency is its wait in queue plus its service stretched by the server's slowdown, and busy time counts the stretched service.
    ServerPool pool = pool(balancer, 1);
    pool.add(0, 1.25);
    submitAt(pool, 0, 4); // runs 0-5
    submitAt(pool, 1, 2); // waits 4 s, runs 5-7.5: latency 6.5 s
    sim.runUntil(Long.MAX_VALUE);
    assertThat(stats.latency.maxMs()).isEqualTo(6500.0);
    assertThat(stats.latency.meanMs()).isCloseTo(5750.0, within(1e-6));
    assertThat(stats.busy.integralSeconds(sim.now())).isCloseTo(7.5, within(1e-9));
    assertThat(sim.now()).isEqualTo(7_500_000_000L);
  }

  @Test
  void utilisationIsBusySlotTimeOverAliveSlotTime() {
    // Utilisation counts every slot of every alive server: one 2-slot server busy on one slot half the time is 25 % utilised.
    RunStats bounded = new RunStats(10 * S);
    ServerPool pool = new ServerPool(sim, bounded, LoadBalancer.SHARED_QUEUE, 2, new ServerPool.Lifecycle() {
      @Override
      public void started(int server, long now) {}

      @Override
      public void stopped(int server, long now) {}
    });
    pool.add(0, 1.0);
    sim.at(0, p -> pool.submit(5 * S), 0);
    sim.runUntil(Long.MAX_VALUE);
    assertThat(bounded.utilization()).isCloseTo(0.25, within(1e-12));
    assertThat(bounded.instances.mean(10 * S)).isEqualTo(1.0);
  }
}
