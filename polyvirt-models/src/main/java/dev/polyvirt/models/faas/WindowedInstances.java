package dev.polyvirt.models.faas;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Idle on-demand instances under a keep-alive policy whose windows vary from one idle period to
 * the next (e.g. the hybrid histogram). An instance that becomes idle is either kept loaded (a
 * pre-warm of 0) until its keep-alive ends, or unloaded at once and re-loaded when its pre-warm
 * window elapses, then kept for its keep-alive. Each transition is a simulation event at its
 * exact instant, cancelled when the instance is taken first, so instance-time integrals are
 * exact; events at or after the horizon are not scheduled (nothing after it is counted).
 *
 * <p>Loaded idle instances form a list in the order they became loaded (for an instance that
 * was pre-warmed, "last used" is when it was re-loaded): MRU takes the newest, LRU the oldest,
 * RANDOM a uniform one. A request that finds no loaded instance cold-starts; if an unloaded
 * instance is waiting for its pre-warm, that cold start is this instance loaded on demand (the
 * newest one is taken), so its pre-warm is cancelled rather than loading a spare later.
 *
 * <p>Instances are integer ids into arrays and the lists are linked through them: nothing is
 * allocated per request once the arrays have grown to the peak.
 */
final class WindowedInstances {
  private static final long NO_EVENT = -1;

  private final Simulation sim;
  private final RunStats stats;
  private final long horizon;
  private int[] prev = new int[16];
  private int[] next = new int[16];
  private long[] handle = new long[16];
  private long[] keep = new long[16];
  private int allocated;
  private int freeHead = -1;
  private final Chain warm = new Chain();
  private final Chain pending = new Chain();
  private final EventHandler load = this::load;
  private final EventHandler expire = this::expire;
  /** Pre-warms that re-loaded an instance before the horizon. */
  long preWarms;
  /** Unloaded instances that a cold start took before their pre-warm was due (the request came too early). */
  long preWarmsTooLate;

  WindowedInstances(Simulation sim, RunStats stats) {
    this.sim = sim;
    this.stats = stats;
    this.horizon = stats.horizon();
  }

  /** Returns how many loaded idle instances there are. */
  int warm() {
    return warm.count;
  }

  /** Returns how many unloaded instances wait for their pre-warm. */
  int pending() {
    return pending.count;
  }

  /** An instance became idle at {@code now}, with these windows. */
  void idle(long now, long preWarm, long keepAlive) {
    if (preWarm <= 0) {
      if (keepAlive <= 0) {
        unload(now);
        return;
      }
      int id = allocate();
      warm.append(id);
      handle[id] = schedule(now, keepAlive, expire, id);
      return;
    }
    unload(now);
    if (preWarm >= horizon - now) return; // never re-loaded within the billed span
    int id = allocate();
    pending.append(id);
    keep[id] = keepAlive;
    handle[id] = sim.at(now + preWarm, load, id);
  }

  /** Takes a loaded idle instance for a request, as {@code selection} says; false when there is none. */
  boolean takeWarm(InstanceSelection selection, UniformRandomProvider pick) {
    if (warm.count == 0) return false;
    int id = switch (selection) {
      case MRU -> warm.tail;
      case LRU -> warm.head;
      case RANDOM -> {
        int k = pick.nextInt(warm.count);
        int i = warm.head;
        while (k-- > 0) i = next[i];
        yield i;
      }
    };
    sim.cancel(handle[id]);
    warm.unlink(id);
    release(id);
    return true;
  }

  /** A request cold-starts an instance: an unloaded instance still waiting for its pre-warm is loaded now instead. */
  void coldStart() {
    if (pending.count == 0) return;
    int id = pending.tail;
    sim.cancel(handle[id]);
    pending.unlink(id);
    release(id);
    preWarmsTooLate++;
  }

  private void load(long payload) {
    int id = (int) payload;
    long now = sim.now();
    pending.unlink(id);
    stats.instances(now, 1);
    stats.capacity(now, 1);
    preWarms++;
    warm.append(id);
    handle[id] = schedule(now, keep[id], expire, id);
  }

  private void expire(long payload) {
    int id = (int) payload;
    warm.unlink(id);
    release(id);
    unload(sim.now());
  }

  private void unload(long now) {
    stats.instances(now, -1);
    stats.capacity(now, -1);
  }

  private long schedule(long now, long window, EventHandler h, int id) {
    return window >= horizon - now ? NO_EVENT : sim.at(now + window, h, id);
  }

  private int allocate() {
    if (freeHead >= 0) {
      int id = freeHead;
      freeHead = next[id];
      return id;
    }
    if (allocated == prev.length) {
      int n = prev.length * 2;
      prev = Arrays.copyOf(prev, n);
      next = Arrays.copyOf(next, n);
      handle = Arrays.copyOf(handle, n);
      keep = Arrays.copyOf(keep, n);
    }
    return allocated++;
  }

  private void release(int id) {
    handle[id] = NO_EVENT;
    next[id] = freeHead;
    freeHead = id;
  }

  /** A doubly linked list of ids threaded through {@link #prev} and {@link #next}. */
  private final class Chain {
    int head = -1;
    int tail = -1;
    int count;

    void append(int id) {
      prev[id] = tail;
      next[id] = -1;
      if (tail >= 0) next[tail] = id;
      else head = id;
      tail = id;
      count++;
    }

    void unlink(int id) {
      int p = prev[id];
      int n = next[id];
      if (p >= 0) next[p] = n;
      else head = n;
      if (n >= 0) prev[n] = p;
      else tail = p;
      count--;
    }
  }
}
