package dev.polyvirt.models.container;

import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A node type and how many pods of one shape fit on it after the kubelet's reservations.
 *
 * <p>Allocatable resources follow the EKS optimised AMI's bootstrap (amazon-eks-ami): kube-reserved
 * CPU is 6 % of the first core, 1 % of the second, 0.5 % of the next two and 0.25 % of any above
 * four; kube-reserved memory is 255 MiB + 11 MiB per pod the node may run (its ENI-based
 * {@code maxPods}), plus the 100 MiB hard-eviction threshold. A node also runs no more than
 * {@code maxPods} pods.
 */
public record NodeShape(InstanceType type, int podsPerNode) {
  /** Returns the shape of {@code type} for pods requesting {@code cpuMillis} and {@code memoryBytes}. */
  public static NodeShape of(InstanceType type, int cpuMillis, long memoryBytes) {
    long cpuAlloc = type.vcpus() * 1000L - reservedCpuMillis(type.vcpus());
    long memAlloc = type.memoryMiB() * (1L << 20) - reservedMemoryBytes(type.maxPods());
    long byCpu = cpuAlloc / Math.max(1, cpuMillis);
    long byMem = memAlloc / Math.max(1, memoryBytes);
    return new NodeShape(type, (int) Math.max(0, Math.min(type.maxPods(), Math.min(byCpu, byMem))));
  }

  /** Returns the node's price per pod slot per hour (used to choose the cheapest node type). */
  BigDecimal pricePerPod() {
    return podsPerNode == 0 ? BigDecimal.valueOf(Long.MAX_VALUE)
        : type.pricePerHour().divide(BigDecimal.valueOf(podsPerNode), MathContext.DECIMAL64);
  }

  static long reservedCpuMillis(int vcpus) {
    double r = 0;
    for (int core = 1; core <= vcpus; core++) r += core == 1 ? 60 : core == 2 ? 10 : core <= 4 ? 5 : 2.5;
    return (long) Math.ceil(r);
  }

  static long reservedMemoryBytes(int maxPods) {
    return (255L + 11L * maxPods + 100L) << 20;
  }

}
