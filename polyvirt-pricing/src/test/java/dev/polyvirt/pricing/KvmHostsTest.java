package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The books' KVM hosts (kvmHosts:): metal on AWS, nested virtualization on Compute Engine and Azure. */
class KvmHostsTest {
  private static PriceBook book(String id) {
    try {
      return PriceBooks.load(id, Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void awsListsMetalTypesAtTheirListPrices() {
    // AWS Price List API, us-east-1 (as generated into karpenter-provider-aws, 2026-01-19)
    PriceBook aws = book("aws-us-east-1");
    assertThat(aws.kvmHostAccess()).isEqualTo("metal");
    List<String> table = List.of("c5.metal 4.08 96 192", "m5.metal 4.608 96 384", "r5.metal 6.048 96 768",
        "c6i.metal 5.44 128 256", "m6i.metal 6.144 128 512");
    assertThat(aws.kvmHostTypes()).extracting(InstanceType::name)
        .containsExactlyElementsOf(table.stream().map(r -> r.split(" ")[0]).toList());
    for (String row : table) {
      String[] c = row.split(" ");
      InstanceType t = aws.kvmHostTypes().stream().filter(x -> x.name().equals(c[0])).findFirst().orElseThrow();
      assertThat(t.pricePerHour()).as(c[0]).isEqualByComparingTo(c[1]);
      assertThat(t.vcpus()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      assertThat(t.memoryMiB()).as(c[0]).isEqualTo(Long.parseLong(c[3]) * 1024);
      assertThat(t.maxPods()).as(c[0]).isEqualTo(737);
    }
    // kept apart: no general sizing sees them
    assertThat(aws.instanceType("m5.metal")).isEmpty();
  }

  @Test
  void otherCloudsListNestedVirtualizationTypesAtTheirGeneralPrices() {
    for (String id : List.of("gcp-us-central1", "azure-eastus")) {
      PriceBook b = book(id);
      assertThat(b.kvmHostAccess()).as(id).isEqualTo("nested");
      assertThat(b.kvmHostTypes()).as(id).isNotEmpty().allSatisfy(t ->
          assertThat(b.instanceType(t.name()).orElseThrow().pricePerHour()).as(t.name()).isEqualByComparingTo(t.pricePerHour()));
    }
  }
}
