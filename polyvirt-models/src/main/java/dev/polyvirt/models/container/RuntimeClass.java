package dev.polyvirt.models.container;

import dev.polyvirt.engine.SimTime;

/**
 * A container runtime (Kubernetes {@code runtimeClassName}) and what its isolation costs.
 *
 * @param name the name specs use ({@code runtimeClass})
 * @param startNanos time the runtime takes to start a container, before the app's own init
 * @param overheadMiB memory the runtime adds to every pod (Kubernetes "Pod Overhead": RuntimeClass
 *     {@code overhead.podFixed} is added to the pod's requests for scheduling)
 * @param slowdownMin lower bound of the factor by which the runtime stretches CPU work (drawn per pod)
 * @param slowdownMax upper bound of the same
 * @param isolation the boundary it gives, as {@code requirements.isolation} names it
 * @param source where the figures come from
 */
public record RuntimeClass(String name, long startNanos, double overheadMiB, double slowdownMin, double slowdownMax,
    String isolation, String source) {
  static final long MS = SimTime.NANOS_PER_MILLI;

  /** Returns the mean CPU slowdown factor. */
  public double meanSlowdown() {
    return (slowdownMin + slowdownMax) / 2;
  }

  /** Returns the memory overhead rounded up to whole bytes. */
  public long overheadBytes() {
    return (long) Math.ceil(overheadMiB * (1 << 20));
  }
}
