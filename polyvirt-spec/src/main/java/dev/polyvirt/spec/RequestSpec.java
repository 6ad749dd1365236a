package dev.polyvirt.spec;

import dev.polyvirt.engine.dist.Distribution;

/**
 * What one request does: how long it runs, and the CPU and memory it holds while it runs.
 *
 * @param duration service time on one unshared core of the reference machine
 * @param cpuMillis cores busy while it runs, in millicores (Kubernetes {@code 250m} = 250)
 * @param memoryBytes memory it needs
 */
public record RequestSpec(Distribution duration, int cpuMillis, long memoryBytes) {
  /** Returns the memory in MiB, rounded up. */
  public long memoryMiB() {
    return (memoryBytes + (1L << 20) - 1) >> 20;
  }
}
