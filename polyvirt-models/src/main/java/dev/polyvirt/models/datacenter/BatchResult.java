package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;

/**
 * The outcome of a {@link BatchRun}: per task its arrival, start (later than arrival when it
 * waited for a vCPU) and finish in nanoseconds (-1 for tasks whose VM found no host), and per
 * host its mean utilisation; energy over the whole run.
 */
public record BatchResult(long[] arrival, long[] start, long[] finish, int unplacedTasks, long endNanos, double energyKwh,
    double[] hostUtilisation, long events, Operations operations) {
  /** Returns the makespan: first arrival to last finish, in seconds (the run itself may last to its horizon). */
  public double makespanSeconds() {
    long last = -1;
    for (long f : finish) last = Math.max(last, f);
    return arrival.length == 0 || last < 0 ? 0 : SimTime.toSeconds(last - arrival[0]);
  }

  /** Returns the mean wait for a vCPU in seconds over the tasks that ran. */
  public double meanQueueingDelaySeconds() {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < start.length; i++) {
      if (start[i] < 0) continue;
      sum += SimTime.toSeconds(start[i] - arrival[i]);
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Returns the mean response time (arrival to finish) in seconds over the tasks that ran. */
  public double meanResponseSeconds() {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < finish.length; i++) {
      if (finish[i] < 0) continue;
      sum += SimTime.toSeconds(finish[i] - arrival[i]);
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
