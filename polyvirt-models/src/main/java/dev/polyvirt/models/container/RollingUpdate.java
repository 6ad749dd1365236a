package dev.polyvirt.models.container;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.pool.ServerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A Deployment's rolling update (Kubernetes docs, "Deployments — Rolling Update Deployment"):
 * every pod present when it starts is old and is replaced by a new one, while at most
 * {@code replicas + maxSurge} pods exist and at least {@code replicas − maxUnavailable} are ready.
 *
 * <p>Like the deployment controller it reconciles whenever something changes (here: at the start,
 * when a new pod's start time is up, and every second until done, since a pod may also wait for a
 * node): it creates new pods up to the surge
 * allowance, then deletes old ones — not-ready ones first, which cost no availability, then ready
 * ones as far as the availability floor allows. The capacity dip is the gap between ready pods and
 * {@code replicas}: at most {@code maxUnavailable}, plus the old pods' in-flight work draining.
 */
public final class RollingUpdate implements EventHandler {
  private static final long RESYNC = -2;
  private static final long RESYNC_PERIOD = dev.polyvirt.engine.SimTime.NANOS_PER_SECOND;

  private final Simulation sim;
  private final ServerPool pool;
  private final RolloutStrategy strategy;
  private int maxSurge;
  private int maxUnavailable;
  private final LongSupplier newPodStart;
  private final PodFactory factory;
  private final List<Integer> old = new ArrayList<>();
  private final List<Integer> created = new ArrayList<>();
  private int replicas;
  private long finishedAt = -1;
  private boolean resyncPending;

  /** Creates a pod of the new version that is ready after {@code startNanos}; returns its server index. */
  public interface PodFactory {
    int create(long startNanos);
  }

  /**
   * Creates the rollout of {@code pool}; {@code newPodStart} draws how long a new pod takes to be
   * ready; {@code factory} adds it (placing it on a node).
   */
  public RollingUpdate(Simulation sim, ServerPool pool, int maxSurge, int maxUnavailable, LongSupplier newPodStart, PodFactory factory) {
    this(sim, pool, new RolloutStrategy(String.valueOf(maxSurge), String.valueOf(maxUnavailable)), newPodStart, factory);
    if (maxSurge == 0 && maxUnavailable == 0) throw new IllegalArgumentException("maxSurge and maxUnavailable cannot both be 0");
  }

  /** Creates the rollout with {@code strategy}, resolved against the replicas when it starts. */
  public RollingUpdate(Simulation sim, ServerPool pool, RolloutStrategy strategy, LongSupplier newPodStart, PodFactory factory) {
    this.sim = sim;
    this.pool = pool;
    this.strategy = strategy;
    this.newPodStart = newPodStart;
    this.factory = factory;
  }

  /** Starts the rollout at {@code at}. */
  public void startAt(long at) {
    sim.at(at, this, -1);
  }

  /** Returns when the last old pod was deleted and every new pod was ready, or -1 while it runs. */
  public long finishedAt() {
    return finishedAt;
  }

  /** Returns the resolved maxUnavailable (valid once started). */
  public int maxUnavailable() {
    return maxUnavailable;
  }

  /** Returns the replica count the rollout keeps (the pods provisioned when it started). */
  public int replicas() {
    return replicas;
  }

  @Override
  public void onEvent(long payload) {
    if (payload == RESYNC) resyncPending = false;
    if (payload < 0 && payload != RESYNC) {
      for (int s = 0; s < pool.added(); s++) if (pool.isProvisioned(s)) old.add(s);
      replicas = old.size();
      maxSurge = strategy.surge(replicas);
      maxUnavailable = strategy.unavailable(replicas);
    }
    reconcile();
  }

  private void reconcile() {
    old.removeIf(s -> !pool.isProvisioned(s));
    created.removeIf(s -> !pool.isProvisioned(s));
    int newReady = 0;
    for (int s : created) if (pool.isReady(s)) newReady++;
    // scale up the new version within the surge allowance
    while (created.size() < replicas && old.size() + created.size() < replicas + maxSurge) {
      long start = Math.max(0, newPodStart.getAsLong());
      created.add(factory.create(start));
      sim.after(start, this, 0);
    }
    // scale down the old version: unready old pods first, then ready ones above the floor
    int floor = replicas - maxUnavailable;
    for (int i = old.size() - 1; i >= 0 && old.size() + created.size() > replicas; i--) {
      if (!pool.isReady(old.get(i))) pool.remove(old.remove(i));
    }
    int oldReady = 0;
    for (int s : old) if (pool.isReady(s)) oldReady++;
    int removable = oldReady + newReady - floor;
    for (int i = old.size() - 1; i >= 0 && removable > 0; i--) {
      if (pool.isReady(old.get(i))) {
        pool.remove(old.remove(i));
        removable--;
      }
    }
    if (created.size() < replicas && old.size() + created.size() < replicas + maxSurge) {
      reconcile(); // room freed by the deletions lets more new pods start
    } else if (old.isEmpty() && newReady == created.size() && finishedAt < 0) {
      finishedAt = sim.now();
    }
    if (finishedAt < 0 && !resyncPending) {
      // a new pod may wait for a node to boot beyond its own start: look again a second later
      resyncPending = true;
      sim.after(RESYNC_PERIOD, this, RESYNC);
    }
  }
}
