package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A VM size with its on-demand Linux price per hour; {@code gpus} is 0 and {@code gpuModel} empty
 * for types without accelerators.
 */
public record InstanceType(String name, int vcpus, long memoryMiB, BigDecimal pricePerHour,
    Architecture architecture, int gpus, String gpuModel) {
  public InstanceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pricePerHour, "pricePerHour");
    Objects.requireNonNull(architecture, "architecture");
    gpuModel = gpuModel == null ? "" : gpuModel;
    if (vcpus <= 0 || memoryMiB <= 0 || gpus < 0 || pricePerHour.signum() < 0) {
      throw new IllegalArgumentException("instance type " + name + " needs positive vCPUs and memory and a price of 0 or more");
    }
  }

  /** Returns the memory in whole or fractional GiB. */
  public double memoryGiB() {
    return memoryMiB / 1024.0;
  }
}
