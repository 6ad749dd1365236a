package dev.polyvirt.models.container;

import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A node type and how many pods of one shape fit on it after the kubelet's reservations.
 *
 * <p>Allocatable CPU and memory follow the reservations GKE documents and EKS's bootstrap uses
 * (GKE docs, "Standard cluster architecture: node allocatable resources"): CPU — 6 % of the first
 * core, 1 % of the second, 0.5 % of the next two, 0.25 % of any above four; memory — 25 % of
 * the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above
 * 128 GiB, plus a 100 MiB eviction threshold.
 */
public record NodeShape(InstanceType type, int podsPerNode) {
  /** Returns the shape of {@code type} for pods requesting {@code cpuMillis} and {@code memoryBytes}. */
  public static NodeShape of(InstanceType type, int cpuMillis, long memoryBytes) {
    long cpuAlloc = type.vcpus() * 1000L - reservedCpuMillis(type.vcpus());
    long memAlloc = type.memoryMiB() * (1L << 20) - reservedMemoryBytes(type.memoryMiB());
    long byCpu = cpuAlloc / Math.max(1, cpuMillis);
    long byMem = memAlloc / Math.max(1, memoryBytes);
    return new NodeShape(type, (int) Math.max(0, Math.min(byCpu, byMem)));
  }

  /** Returns the node's price per pod slot per hour (used to choose the cheapest node type). */
  public BigDecimal pricePerPod() {
    return podsPerNode == 0 ? BigDecimal.valueOf(Long.MAX_VALUE)
        : type.pricePerHour().divide(BigDecimal.valueOf(podsPerNode), MathContext.DECIMAL64);
  }

  static long reservedCpuMillis(int vcpus) {
    double r = 0;
    for (int core = 1; core <= vcpus; core++) r += core == 1 ? 60 : core == 2 ? 10 : core <= 4 ? 5 : 2.5;
    return (long) Math.ceil(r);
  }

  static long reservedMemoryBytes(long memoryMiB) {
    double gib = memoryMiB / 1024.0;
    double[][] bands = {{4, 0.25}, {4, 0.20}, {8, 0.10}, {112, 0.06}, {Double.MAX_VALUE, 0.02}};
    double reserved = 0, left = gib;
    for (double[] b : bands) {
      double take = Math.min(left, b[0]);
      reserved += take * b[1];
      left -= take;
      if (left <= 0) break;
    }
    return (long) Math.ceil(reserved * (1L << 30)) + (100L << 20);
  }
}
