package dev.polyvirt.engine;

/**
 * A discrete-event simulation: an integer clock and a queue of pending events.
 *
 * <p>Time only moves when an event fires, to that event's exact time; nothing is updated on a
 * fixed scheduling interval (CloudSim's results depend on one; ours do not). One simulation is
 * single-threaded; parallelism comes from running independent simulations side by side.
 */
public final class Simulation {
  private final EventQueue queue;
  private long now;
  private long eventsFired;

  /** Creates a simulation at time zero. */
  public Simulation() {
    this(1024);
  }

  /** Creates a simulation whose queue starts with room for {@code capacity} events. */
  public Simulation(int capacity) {
    this.queue = new EventQueue(capacity);
  }

  /** Returns the current simulated time in nanoseconds. */
  public long now() {
    return now;
  }

  /** Returns how many events have fired so far. */
  public long eventsFired() {
    return eventsFired;
  }

  /** Schedules {@code handler} at absolute time {@code at}; returns a handle for {@link #cancel}. */
  public long at(long at, EventHandler handler, long payload) {
    if (at < now) throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
    return queue.add(at, handler, payload);
  }

  /** Schedules {@code handler} {@code delay} nanoseconds from now. */
  public long after(long delay, EventHandler handler, long payload) {
    return at(now + delay, handler, payload);
  }

  /** Cancels a pending event; returns false if it already fired or was cancelled. */
  public boolean cancel(long handle) {
    return queue.cancel(handle);
  }

  /** Returns the number of pending events. */
  public int pending() {
    return queue.size();
  }

  /** Fires events in time order until none is left or the next is after {@code until}. */
  public void runUntil(long until) {
    int slot;
    while ((slot = queue.pollUntil(until)) >= 0) {
      now = queue.lastTime();
      eventsFired++;
      queue.fire(slot);
    }
    if (until > now && until != Long.MAX_VALUE) now = until;
  }
}
