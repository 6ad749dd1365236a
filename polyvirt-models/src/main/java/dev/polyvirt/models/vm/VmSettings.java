package dev.polyvirt.models.vm;

import dev.polyvirt.engine.dist.Distribution;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of the {@code vm} model, named as in EC2 Auto Scaling.
 *
 * @param instanceType the EC2 type; empty means the cheapest fleet that carries the peak
 * @param count instances when not autoscaled; empty means sized for the peak
 * @param autoscaling target tracking on average CPU, if any
 * @param boot boot-time distribution of a new instance
 * @param overheadMin lower bound of the hypervisor overhead fraction drawn per instance
 * @param overheadMax upper bound of the same
 * @param concurrency requests one instance serves at once; empty means what its vCPUs and memory hold
 * @param osMemoryBytes memory the guest OS keeps for itself, unavailable to requests
 */
public record VmSettings(Optional<String> instanceType, OptionalInt count, Optional<Autoscaling> autoscaling,
    Distribution boot, double overheadMin, double overheadMax, OptionalInt concurrency, long osMemoryBytes) {

  /** EC2 Auto Scaling target tracking on average CPU utilisation. */
  public record Autoscaling(int min, int max, double targetCpu) {}
}
