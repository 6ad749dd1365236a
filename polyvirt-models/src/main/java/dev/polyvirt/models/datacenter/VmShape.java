package dev.polyvirt.models.datacenter;

/**
 * A VM's fixed allocation: vCPUs, each at most as fast as a host core, and memory. The share of
 * the allocation a VM leaves idle is wasted (seeds 001, 002: "fixed allocation").
 */
public record VmShape(String name, int vcpus, double mipsPerVcpu, long memoryMiB) {
  public VmShape {
    if (vcpus <= 0) throw new IllegalArgumentException("a VM needs at least one vCPU");
    if (!(mipsPerVcpu > 0)) throw new IllegalArgumentException("vCPU speed must be positive");
    if (memoryMiB <= 0) throw new IllegalArgumentException("a VM needs memory");
  }
}
