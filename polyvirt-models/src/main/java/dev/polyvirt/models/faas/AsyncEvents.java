package dev.polyvirt.models.faas;

import dev.polyvirt.engine.EventHandler;
import dev.polyvirt.engine.Simulation;
import dev.polyvirt.models.RunStats;
import java.util.Arrays;

/**
 * The asynchronous event queue of one function: every event is attempted at once, and a
 * throttled or failed attempt is retried as {@link InvocationPolicy} describes (AWS Lambda
 * asynchronous invocation). An event ends completed, failed (all attempts timed out: counted
 * failed and timed out), or expired (still throttled at its maximum age: counted throttled).
 * Events waiting for a retry are integer ids into arrays, reused: nothing is allocated per event
 * once the arrays have grown to the peak backlog. Retries go on past the horizon until every
 * event has ended (its latency counts; instance time past the horizon does not).
 */
final class AsyncEvents implements EventHandler {
  /** Starts one attempt now; returns its busy time (cold start + run), or {@link #THROTTLED}. */
  @FunctionalInterface
  interface Attempts {
    long start(long serviceNanos, long waitedNanos);
  }

  static final long THROTTLED = -1;
  private final Simulation sim;
  private final RunStats stats;
  private final InvocationPolicy policy;
  private final long timeoutNanos;
  private final Attempts attempts;
  private long[] arrival = new long[16];
  private long[] service = new long[16];
  private int[] errors = new int[16];
  private int[] throttles = new int[16];
  private int allocated;
  private int freeHead = -1;
  /** Retry attempts after a throttle. */
  long throttleRetries;
  /** Retry attempts after a function error (timeout). */
  long errorRetries;
  /** Events discarded still throttled at their maximum age. */
  long expired;
  /** Events discarded after every attempt failed. */
  long failedEvents;

  AsyncEvents(Simulation sim, RunStats stats, InvocationPolicy policy, long timeoutNanos, Attempts attempts) {
    this.sim = sim;
    this.stats = stats;
    this.policy = policy;
    this.timeoutNanos = timeoutNanos;
    this.attempts = attempts;
  }

  /** An event arrives now with this service time. */
  void arrive(long serviceNanos) {
    int id = allocate();
    arrival[id] = sim.now();
    service[id] = serviceNanos;
    errors[id] = 0;
    throttles[id] = 0;
    attempt(id);
  }

  @Override
  public void onEvent(long payload) {
    attempt((int) payload);
  }

  private void attempt(int id) {
    long now = sim.now();
    long age = now - arrival[id];
    boolean timesOut = service[id] > timeoutNanos;
    long busy = attempts.start(service[id], age);
    if (busy == THROTTLED) {
      throttles[id]++;
      long at = now + InvocationPolicy.throttleDelay(throttles[id]);
      if (at - arrival[id] > policy.maximumEventAgeNanos()) {
        stats.throttled++;
        expired++;
        release(id);
        return;
      }
      throttleRetries++;
      sim.at(at, this, id);
      return;
    }
    if (!timesOut) {
      release(id);
      return;
    }
    int e = errors[id];
    long at = e < policy.maximumRetryAttempts() ? now + busy + InvocationPolicy.ERROR_RETRY_DELAYS[e] : Long.MAX_VALUE;
    if (at == Long.MAX_VALUE || at - arrival[id] > policy.maximumEventAgeNanos()) {
      stats.timedOut++;
      stats.failed++;
      failedEvents++;
      release(id);
      return;
    }
    errors[id] = e + 1;
    errorRetries++;
    sim.at(at, this, id);
  }

  private int allocate() {
    if (freeHead >= 0) {
      int id = freeHead;
      freeHead = errors[id];
      return id;
    }
    if (allocated == arrival.length) {
      int n = arrival.length * 2;
      arrival = Arrays.copyOf(arrival, n);
      service = Arrays.copyOf(service, n);
      errors = Arrays.copyOf(errors, n);
      throttles = Arrays.copyOf(throttles, n);
    }
    return allocated++;
  }

  private void release(int id) {
    errors[id] = freeHead;
    freeHead = id;
  }
}
