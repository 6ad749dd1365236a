package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.pricing.InstanceType;
import dev.polyvirt.pricing.PriceBooks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Node allocatable resources per the EKS optimised AMI bootstrap, and the maxPods cap. */
class NodeShapeTest {
  private static final long MIB = 1L << 20;

  private static InstanceType type(String name) throws Exception {
    return PriceBooks.load("aws-us-east-1", Path.of(".")).instanceType(name).orElseThrow();
  }

  @ParameterizedTest(name = "{0} vCPU -> {1}m reserved")
  @CsvSource({"1, 60", "2, 70", "3, 75", "4, 80", "8, 90", "16, 110", "96, 310"})
  void kubeReservedCpuFollowsTheEksBands(int vcpus, long reservedMillis) {
    // kube-reserved CPU is 6 % of the first core, 1 % of the second, 0.5 % of the third and fourth and 0.25 % of each above.
    assertThat(NodeShape.reservedCpuMillis(vcpus)).isEqualTo(reservedMillis);
  }

  @Test
  void m5LargeAllocatableIs1930MillicoresAnd7518Mebibytes() throws Exception {
    // m5.large (2 vCPU, 8 GiB, maxPods 29) leaves 2000 - 70 = 1930m and 8192 - (255 + 11 x 29 + 100) = 7518 MiB for pods.
    InstanceType m5 = type("m5.large");
    assertThat(NodeShape.reservedMemoryBytes(29)).isEqualTo((255 + 11 * 29 + 100) * MIB);
    assertThat(NodeShape.of(m5, 1930, MIB).podsPerNode()).isEqualTo(1);
    assertThat(NodeShape.of(m5, 1931, MIB).podsPerNode()).as("one millicore over allocatable CPU").isZero();
    assertThat(NodeShape.of(m5, 1, 7518 * MIB).podsPerNode()).isEqualTo(1);
    assertThat(NodeShape.of(m5, 1, 7518 * MIB + 1).podsPerNode()).as("one byte over allocatable memory").isZero();
    assertThat(NodeShape.of(m5, 965, 3759 * MIB).podsPerNode()).isEqualTo(2);
    assertThat(NodeShape.of(m5, 250, 256 * MIB).podsPerNode()).as("1930 / 250").isEqualTo(7);
  }

  @ParameterizedTest(name = "{0}: at most {1} pods")
  @CsvSource({"m5.large, 29", "t3.micro, 4", "t3.small, 11", "m5.xlarge, 58"})
  void podsPerNodeNeverExceedsMaxPods(String name, int maxPods) throws Exception {
    // However small the pods, a node runs no more than its ENI-based maxPods.
    assertThat(NodeShape.of(type(name), 1, 1).podsPerNode()).isEqualTo(maxPods);
  }

  @Test
  void t3MicroAllocatableMemoryAccountsForItsFewPods() throws Exception {
    // t3.micro (1 GiB, maxPods 4) keeps 255 + 44 + 100 = 399 MiB, leaving 625 MiB: two 300 MiB pods, not three.
    InstanceType micro = type("t3.micro");
    assertThat(NodeShape.of(micro, 100, 300 * MIB).podsPerNode()).isEqualTo(2);
    assertThat(NodeShape.of(micro, 100, 625 * MIB).podsPerNode()).isEqualTo(1);
    assertThat(NodeShape.of(micro, 100, 626 * MIB).podsPerNode()).isZero();
  }
}
