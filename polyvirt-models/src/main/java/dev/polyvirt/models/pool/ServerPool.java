package dev.polyvirt.models.pool;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import java.util.Arrays;

/**
 * A pool of always-on servers (VM instances or pods), each serving up to {@code slots} requests
 * at once, with queues in front: the common core of the VM and container models.
 *
 * <p>A server is booting, then ready, then possibly draining (taken out of rotation by a scale-in:
 * it finishes what it holds, then dies). With the shared queue, free capacity is tracked as a
 * stack of slot tokens, so dispatch is O(1) whatever the pool size; tokens of a server that has
 * left rotation are dropped when popped. Latency is queueing + service, service stretched by the
 * server's slowdown (hypervisor overhead).
 */
public final class ServerPool implements EventHandler {
  /** Receives server lifecycle changes, for billing. */
  public interface Lifecycle {
    /** A server was created (it starts booting) at {@code now}. */
    void started(int server, long now);

    /** A server died at {@code now}. */
    void stopped(int server, long now);
  }

  /** Stretches a request's service as it starts; the container model's cgroup CPU limit (CFS quota) is one. */
  public interface ServiceStretch {
    /** Returns the service of a request starting on {@code server}, which then holds {@code inFlight} requests. */
    long stretch(int server, int inFlight, long serviceNanos);
  }

  /** Hears of every request as it starts service, with its latency (queueing + service). */
  public interface LatencyListener {
    /** A request that arrived at {@code arrived} will have taken {@code latencyNanos}. */
    void served(long arrived, long latencyNanos);
  }

  /** Decides how long an OOM-killed server is down before it is ready again (the kubelet's back-off + its start). */
  public interface Restart {
    /** Server {@code server} was OOM-killed at {@code now}; returns the nanoseconds until it is ready again. */
    long afterKill(int server, long now);
  }

  private static final long SLOT = 1L << 62; // marks a completion payload that names a slot, not a server

  private static final byte BOOTING = 0, READY = 1, DRAINING = 2, DEAD = 3;

  private final Simulation sim;
  private final RunStats stats;
  private final LoadBalancer balancer;
  private final int slots;
  private final Lifecycle lifecycle;
  private byte[] state = new byte[16];
  private int[] inFlight = new int[16];
  private double[] slowdown = new double[16];
  private LongRing[] ownQueue = new LongRing[16];
  private int servers;
  private int ready;
  private int alive;
  private final LongRing shared = new LongRing();
  private int[] tokens = new int[64];
  private int tokenCount;
  private int rrNext;
  private final EventHandler onReady = this::ready;
  private ServiceStretch stretch;
  private LatencyListener latencyListener;
  private org.apache.commons.rng.UniformRandomProvider rng;
  // memory limit (off unless withMemoryLimit): requests in service are tracked in slots so a kill can void them
  private int memoryMaxInFlight;
  private Restart restart;
  private int[] generation = new int[16];
  private int[] slotServer = new int[0];
  private int[] slotGeneration = new int[0];
  private long[] slotArrived = new long[0];
  private int[] freeSlots = new int[0];
  private int freeCount;
  private long oomKills;
  private Restart crashRestart;
  private long crashes;

  /** Creates an empty pool. */
  public ServerPool(Simulation sim, RunStats stats, LoadBalancer balancer, int slots, Lifecycle lifecycle) {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1");
    this.sim = sim;
    this.stats = stats;
    this.balancer = balancer;
    this.slots = slots;
    this.lifecycle = lifecycle;
  }

  /** Stretches every request's service with {@code s} from now on (none by default); returns this pool. */
  public ServerPool withStretch(ServiceStretch s) {
    this.stretch = s;
    return this;
  }

  /**
   * Kills a server whose requests in service would exceed {@code maxInFlight} (its memory limit
   * over their working sets: an OOM kill): every request it holds fails, and it is ready again
   * after {@code restart} says. Latency is then recorded when a request completes, so failed
   * requests never count. Returns this pool.
   */
  public ServerPool withMemoryLimit(int maxInFlight, Restart restart) {
    this.memoryMaxInFlight = maxInFlight;
    this.restart = restart;
    return this;
  }

  /**
   * Lets servers be crashed from outside ({@link #crash}), e.g. a failed liveness probe: requests in
   * service are then tracked so a crash fails them, and {@code restart} says when a crashed server is
   * ready again (as for an OOM kill, if {@link #withMemoryLimit} is set too). Returns this pool.
   */
  public ServerPool withCrashes(Restart restart) {
    if (memoryMaxInFlight == 0) memoryMaxInFlight = Integer.MAX_VALUE;
    if (this.restart == null) this.restart = restart;
    this.crashRestart = restart;
    return this;
  }

  /**
   * Crashes server {@code server} now (needs {@link #withCrashes}): every request it holds fails and
   * it is out of rotation until the restart is over. Returns false if it was not ready.
   */
  public boolean crash(int server) {
    if (crashRestart == null || server < 0 || server >= servers || state[server] != READY) return false;
    crashes++;
    stats.failed += inFlight[server];
    stats.busy(sim.now(), -inFlight[server]);
    inFlight[server] = 0;
    generation[server]++;
    ready--;
    state[server] = BOOTING;
    sim.after(Math.max(1, crashRestart.afterKill(server, sim.now())), onReady, server);
    return true;
  }

  /** Returns the crashes so far (see {@link #crash}). */
  public long crashes() {
    return crashes;
  }

  /** Returns the OOM kills so far. */
  public long oomKills() {
    return oomKills;
  }

  /** Draws the random choices of {@code random-two-choices} from {@code r}; returns this pool. */
  public ServerPool withRandom(org.apache.commons.rng.UniformRandomProvider r) {
    this.rng = r;
    return this;
  }

  /** Reports every request's latency to {@code l} from now on (none by default); returns this pool. */
  public ServerPool withLatencyListener(LatencyListener l) {
    this.latencyListener = l;
    return this;
  }

  /** Adds a server that becomes ready after {@code bootNanos}; returns its index. */
  public int add(long bootNanos, double slowdownFactor) {
    if (servers == state.length) grow();
    int s = servers++;
    state[s] = BOOTING;
    slowdown[s] = slowdownFactor;
    ownQueue[s] = balancer == LoadBalancer.SHARED_QUEUE ? null : new LongRing();
    alive++;
    stats.instances(sim.now(), 1);
    stats.capacity(sim.now(), slots);
    lifecycle.started(s, sim.now());
    if (bootNanos <= 0) ready(s);
    else sim.after(bootNanos, onReady, s);
    return s;
  }

  /** Takes one server out of rotation (booting ones first, then the least busy); false if none. */
  public boolean removeOne() {
    int victim = -1;
    for (int s = 0; s < servers; s++) {
      if (state[s] == BOOTING) {
        victim = s;
        break;
      }
      if (state[s] == READY && (victim < 0 || load(s) < load(victim))) victim = s;
    }
    if (victim < 0) return false;
    if (state[victim] == READY) ready--;
    state[victim] = DRAINING;
    maybeDie(victim);
    return true;
  }

  /**
   * Takes server {@code server} out of rotation (a rollout replacing it, its node lost): it gets no
   * new requests, finishes what it holds, then dies. Returns false if it had already left.
   */
  public boolean remove(int server) {
    if (server < 0 || server >= servers || (state[server] != BOOTING && state[server] != READY)) return false;
    if (state[server] == READY) ready--;
    state[server] = DRAINING;
    maybeDie(server);
    return true;
  }

  /** Returns true when {@code server} is ready and in rotation. */
  public boolean isReady(int server) {
    return server >= 0 && server < servers && state[server] == READY;
  }

  /** Returns true when {@code server} is booting or ready (not yet taken out of rotation). */
  public boolean isProvisioned(int server) {
    return server >= 0 && server < servers && (state[server] == READY || state[server] == BOOTING);
  }

  /** Returns how many servers were ever added (indices run 0 to this − 1). */
  public int added() {
    return servers;
  }

  /** Returns servers alive (booting, ready or draining). */
  public int alive() {
    return alive;
  }

  /** Returns servers in rotation and ready to serve. */
  public int ready() {
    return ready;
  }

  /** Returns servers ready or booting: the count a scaler steers. */
  public int provisioned() {
    int n = 0;
    for (int s = 0; s < servers; s++) if (state[s] == READY || state[s] == BOOTING) n++;
    return n;
  }

  /** Returns requests waiting in queues. */
  public int queued() {
    int q = shared.size();
    if (balancer != LoadBalancer.SHARED_QUEUE) for (int s = 0; s < servers; s++) if (ownQueue[s] != null) q += ownQueue[s].size();
    return q;
  }

  /** Accepts a request that arrives now. */
  public void submit(long serviceNanos) {
    long now = sim.now();
    if (balancer == LoadBalancer.SHARED_QUEUE) {
      int s = popToken();
      if (s >= 0) start(s, now, serviceNanos);
      else shared.add(now, serviceNanos);
      return;
    }
    int s = pick();
    if (s < 0) {
      shared.add(now, serviceNanos); // nothing ready yet: hold at the balancer until a server is
    } else if (inFlight[s] < slots) {
      start(s, now, serviceNanos);
    } else {
      ownQueue[s].add(now, serviceNanos);
    }
  }

  @Override
  public void onEvent(long server) {
    long now = sim.now();
    if ((server & SLOT) != 0) {
      int k = (int) (server & ~SLOT);
      int owner = slotServer[k];
      boolean voided = slotGeneration[k] != generation[owner];
      long arrived = slotArrived[k];
      freeSlots[freeCount++] = k;
      if (voided) return; // killed with its server: already counted as failed
      stats.latency.record(now - arrived);
      if (latencyListener != null) latencyListener.served(arrived, now - arrived);
      server = owner;
    }
    int s = (int) server;
    inFlight[s]--;
    stats.busy(now, -1);
    stats.completed++;
    if (balancer != LoadBalancer.SHARED_QUEUE && !ownQueue[s].isEmpty()) {
      startQueued(s, ownQueue[s], now);
    } else if (balancer == LoadBalancer.SHARED_QUEUE && state[s] == READY && !shared.isEmpty()) {
      startQueued(s, shared, now);
    } else if (state[s] == READY) {
      if (balancer == LoadBalancer.SHARED_QUEUE) pushToken(s);
    } else {
      maybeDie(s);
    }
  }

  private void ready(long server) {
    int s = (int) server;
    if (state[s] != BOOTING) return; // removed while booting
    state[s] = READY;
    ready++;
    long now = sim.now();
    if (balancer != LoadBalancer.SHARED_QUEUE) {
      // requests held while no server was ready are older than any later arrival: hand them all
      // out now, in arrival order, so none is overtaken
      while (!shared.isEmpty()) {
        long arrived = shared.peekA();
        long service = shared.peekB();
        shared.remove();
        int t = pick();
        if (inFlight[t] < slots) start(t, arrived, service);
        else ownQueue[t].add(arrived, service);
      }
      // a server back from an OOM kill serves what was queued at it meanwhile
      while (memoryMaxInFlight > 0 && state[s] == READY && inFlight[s] < slots && !ownQueue[s].isEmpty()) {
        startQueued(s, ownQueue[s], now);
      }
      return;
    }
    for (int i = 0; i < slots && state[s] == READY; i++) {
      if (!shared.isEmpty()) startQueued(s, shared, now);
      else pushToken(s);
    }
  }

  private void startQueued(int s, LongRing q, long now) {
    long arrived = q.peekA();
    long service = q.peekB();
    q.remove();
    start(s, arrived, service);
  }

  private void start(int s, long arrived, long serviceNanos) {
    long now = sim.now();
    if (memoryMaxInFlight > 0 && inFlight[s] + 1 > memoryMaxInFlight) {
      kill(s, now);
      return;
    }
    long service = slowdown[s] == 1.0 ? serviceNanos : Math.round(serviceNanos * slowdown[s]);
    inFlight[s]++;
    if (stretch != null) service = stretch.stretch(s, inFlight[s], service);
    stats.busy(now, 1);
    if (memoryMaxInFlight > 0) {
      sim.after(service, this, SLOT | slot(s, arrived));
      return;
    }
    stats.latency.record(now - arrived + service);
    if (latencyListener != null) latencyListener.served(arrived, now - arrived + service);
    sim.after(service, this, s);
  }

  private int slot(int s, long arrived) {
    if (freeCount == 0) {
      int old = slotServer.length, c = Math.max(16, old * 2);
      slotServer = Arrays.copyOf(slotServer, c);
      slotGeneration = Arrays.copyOf(slotGeneration, c);
      slotArrived = Arrays.copyOf(slotArrived, c);
      freeSlots = Arrays.copyOf(freeSlots, c);
      for (int k = c - 1; k >= old; k--) freeSlots[freeCount++] = k;
    }
    int k = freeSlots[--freeCount];
    slotServer[k] = s;
    slotGeneration[k] = generation[s];
    slotArrived[k] = arrived;
    return k;
  }

  /** OOM kill: the request that pushed it over and all it holds fail; it restarts after the back-off. */
  private void kill(int s, long now) {
    oomKills++;
    stats.failed += inFlight[s] + 1;
    stats.busy(now, -inFlight[s]);
    inFlight[s] = 0;
    generation[s]++;
    if (state[s] == DRAINING) {
      maybeDie(s);
      return;
    }
    if (state[s] == READY) ready--;
    state[s] = BOOTING;
    sim.after(Math.max(1, restart.afterKill(s, now)), onReady, s);
  }

  private void maybeDie(int s) {
    if (state[s] != DRAINING || inFlight[s] > 0 || (ownQueue[s] != null && !ownQueue[s].isEmpty())) return;
    state[s] = DEAD;
    alive--;
    stats.instances(sim.now(), -1);
    stats.capacity(sim.now(), -slots);
    lifecycle.stopped(s, sim.now());
  }

  private int popToken() {
    while (tokenCount > 0) {
      int s = tokens[--tokenCount];
      // a restarted server gets fresh tokens, so one popped for a full server is stale (never without kills)
      if (state[s] == READY && inFlight[s] < slots) return s;
    }
    return -1;
  }

  private void pushToken(int s) {
    if (tokenCount == tokens.length) tokens = LongRing.growInts(tokens);
    tokens[tokenCount++] = s;
  }

  private int load(int s) {
    return inFlight[s] + (ownQueue[s] == null ? 0 : ownQueue[s].size());
  }

  private int pick() {
    return switch (balancer) {
      case ROUND_ROBIN -> nextRoundRobin();
      case RANDOM_TWO_CHOICES -> twoChoices();
      default -> leastLoaded();
    };
  }

  private int twoChoices() {
    if (ready == 0) return -1;
    if (rng == null) throw new IllegalStateException("random-two-choices needs withRandom");
    int a = randomReady(), b = randomReady();
    return load(b) < load(a) ? b : a;
  }

  /** Returns a ready server drawn uniformly (rejection sampling over the indices, a scan if they are mostly gone). */
  private int randomReady() {
    for (int tries = 0; tries < 32; tries++) {
      int s = rng.nextInt(servers);
      if (state[s] == READY) return s;
    }
    int k = rng.nextInt(ready);
    for (int s = 0; s < servers; s++) if (state[s] == READY && k-- == 0) return s;
    return -1;
  }

  private int nextRoundRobin() {
    for (int i = 0; i < servers; i++) {
      int s = (rrNext + i) % servers;
      if (state[s] == READY) {
        rrNext = s + 1;
        return s;
      }
    }
    return -1;
  }

  private int leastLoaded() {
    int best = -1;
    for (int s = 0; s < servers; s++) if (state[s] == READY && (best < 0 || load(s) < load(best))) best = s;
    return best;
  }

  private void grow() {
    int c = state.length * 2;
    state = Arrays.copyOf(state, c);
    inFlight = Arrays.copyOf(inFlight, c);
    generation = Arrays.copyOf(generation, c);
    slowdown = Arrays.copyOf(slowdown, c);
    ownQueue = Arrays.copyOf(ownQueue, c);
  }
}
