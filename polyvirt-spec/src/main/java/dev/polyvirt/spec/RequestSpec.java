package dev.polyvirt.spec;

import dev.polyvirt.engine.dist.Distribution;

/**
 * What one request does: how long it runs, and the CPU and memory it holds while it runs.
 *
 * @param duration service time on one unshared core of the reference machine
 * @param cpuMillis cores busy while it runs, in millicores (Kubernetes {@code 250m} = 250)
 * @param memoryBytes memory it needs
 * @param durationGiven whether the spec gave the duration (a trace may supply it instead)
 * @param memoryGiven whether the spec gave the memory (a trace may supply it instead)
 */
public record RequestSpec(Distribution duration, int cpuMillis, long memoryBytes, boolean durationGiven, boolean memoryGiven) {
  /** Creates a request whose duration and memory were both given. */
  public RequestSpec(Distribution duration, int cpuMillis, long memoryBytes) {
    this(duration, cpuMillis, memoryBytes, true, true);
  }

  /** Returns the same request with the duration and memory a trace supplies. */
  public RequestSpec withTrace(java.util.Optional<Distribution> traceDuration, java.util.OptionalLong traceMemory) {
    return new RequestSpec(traceDuration.orElse(duration), cpuMillis, traceMemory.isPresent() ? traceMemory.getAsLong() : memoryBytes,
        durationGiven || traceDuration.isPresent(), memoryGiven || traceMemory.isPresent());
  }

  /** Returns the memory in MiB, rounded up. */
  public long memoryMiB() {
    return (memoryBytes + (1L << 20) - 1) >> 20;
  }
}
