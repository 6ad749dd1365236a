package dev.polyvirt.models.vm;

import dev.polyvirt.models.pool.ServerPool;
import dev.polyvirt.pricing.InstanceMeter;
import dev.polyvirt.pricing.InstanceType;
import dev.polyvirt.pricing.OperatingSystem;
import dev.polyvirt.pricing.PriceBook;
import java.util.Arrays;

/**
 * Follows instances from launch to termination and meters them, cut at the horizon (the billed
 * span): an instance still running then is billed up to it.
 */
public final class InstanceBilling implements ServerPool.Lifecycle {
  private final InstanceType type;
  private final OperatingSystem os;
  private final long horizon;
  private final InstanceMeter meter;
  private long[] start = new long[16];
  private boolean[] running = new boolean[16];
  private int count;
  private boolean closed;

  /** Creates billing for instances of {@code type} running {@code os} in a run ending at {@code horizon}. */
  public InstanceBilling(PriceBook book, InstanceType type, OperatingSystem os, long horizon) {
    this.type = type;
    this.os = os;
    this.horizon = horizon;
    this.meter = new InstanceMeter(book.ec2());
  }

  @Override
  public void started(int server, long now) {
    if (server >= start.length) {
      start = Arrays.copyOf(start, Math.max(server + 1, start.length * 2));
      running = Arrays.copyOf(running, start.length);
    }
    start[server] = now;
    running[server] = true;
    count = Math.max(count, server + 1);
  }

  @Override
  public void stopped(int server, long now) {
    running[server] = false;
    if (start[server] < horizon) meter.run(type, start[server], Math.min(now, horizon), os);
  }

  /** Bills the instances still running at the horizon (once) and returns the meter. */
  public InstanceMeter close() {
    if (!closed) {
      for (int s = 0; s < count; s++) if (running[s] && start[s] < horizon) meter.run(type, start[s], horizon, os);
      closed = true;
    }
    return meter;
  }
}
