package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.FargateMeter;

/**
 * Bills each instance as one AWS Fargate task of the same size, from its creation (it is billed
 * while it starts, as Fargate bills from image pull) to its stop, cut at the horizon (the billed
 * span). {@link FargateMeter} applies per-second rounding and the one-minute minimum (AWS Fargate
 * pricing; figures.md "Prices"); there is no per-request fee.
 */
final class FargateBilling implements ContainerBilling {
  private final FargateMeter meter;
  private final int cpuMillis;
  private final long memoryMiB;
  private final long horizon;
  private long tasks;

  FargateBilling(FargateMeter meter, TaskSizes.TaskSize size, long horizon) {
    this.meter = meter;
    this.cpuMillis = size.cpuMillis();
    this.memoryMiB = size.memoryMiB();
    this.horizon = horizon;
  }

  /** Bills a task that ran from {@code start} to {@code end} (the part before the horizon). */
  void task(long start, long end) {
    if (start >= horizon) return;
    meter.task(cpuMillis, memoryMiB, start, Math.min(end, horizon));
    tasks++;
  }

  @Override
  public void started(int i, long now) {}

  @Override
  public void busy(int i, long now) {}

  @Override
  public void idle(int i, long now) {}

  @Override
  public void stopped(int i, long start, long end) {
    task(start, end);
  }

  @Override
  public long millicoreSeconds() {
    return meter.millicoreSeconds();
  }

  @Override
  public long mibSeconds() {
    return meter.mibSeconds();
  }

  @Override
  public Cost cost(long requests, boolean freeTier) {
    return meter.cost();
  }

  @Override
  public String instances() {
    return "Fargate tasks";
  }

  /** Returns the meter. */
  FargateMeter meter() {
    return meter;
  }

  /** Returns how many tasks were billed. */
  long tasks() {
    return tasks;
  }
}
