package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A VM size with its on-demand Linux price per hour; {@code gpus} is 0 and {@code gpuModel} empty
 * for types without accelerators. {@code baselineCpu} is the share of each vCPU a burstable type
 * (T3) may use without spending CPU credits; 1.0 for fixed-performance types. {@code maxPods} is
 * how many pods EKS lets one node run (its ENI limit), 110 — the kubelet default — when unknown.
 */
public record InstanceType(String name, int vcpus, long memoryMiB, BigDecimal pricePerHour,
    Architecture architecture, int gpus, String gpuModel, double baselineCpu, int maxPods) {
  public InstanceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pricePerHour, "pricePerHour");
    Objects.requireNonNull(architecture, "architecture");
    gpuModel = gpuModel == null ? "" : gpuModel;
    if (maxPods <= 0) throw new IllegalArgumentException("maxPods must be positive");
    if (!(baselineCpu > 0 && baselineCpu <= 1)) throw new IllegalArgumentException("baselineCpu must be in (0, 1]");
    if (vcpus <= 0 || memoryMiB <= 0 || gpus < 0 || pricePerHour.signum() < 0) {
      throw new IllegalArgumentException("instance type " + name + " needs positive vCPUs and memory and a price of 0 or more");
    }
  }

  /** Returns true for burstable types, which pay for sustained CPU above their baseline. */
  public boolean burstable() {
    return baselineCpu < 1;
  }

  /** Returns the memory in whole or fractional GiB. */
  public double memoryGiB() {
    return memoryMiB / 1024.0;
  }
}
