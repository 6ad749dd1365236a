package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.SpecException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Azure and Google Cloud books: each names its provider and prices the offers its models bill with. */
class ProviderBooksTest {
  @TempDir Path dir;

  static PriceBook book(String name) {
    try {
      return PriceBooks.load(name, Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void azureBookPricesFunctionsConsumptionAndVms() {
    // Azure Functions Consumption: $0.000016/GB-s, $0.20/M, 128 MB steps, 1 ms granularity, 100 ms minimum, 1,536 MB cap, INIT unbilled.
    PriceBook book = book("azure-eastus");
    assertThat(book.provider()).isEqualTo("azure");
    AzureFunctionsPrices f = (AzureFunctionsPrices) book.functionOffer().orElseThrow();
    assertThat(f.perGbSecond()).isEqualByComparingTo("0.000016");
    assertThat(f.executionsPerMillion()).isEqualByComparingTo("0.20");
    assertThat(f.memoryStepMb()).isEqualTo(128);
    assertThat(f.billingGranularityNanos()).isEqualTo(SimTime.NANOS_PER_MILLI);
    assertThat(f.minimumBilledNanos()).isEqualTo(100 * SimTime.NANOS_PER_MILLI);
    assertThat(f.limits().memoryMaxMb()).isEqualTo(1536);
    assertThat(f.billsInit()).isFalse();
    assertThat(f.freeExecutions()).isEqualTo(1_000_000);
    assertThat(f.freeGbSeconds()).isEqualTo(400_000);
    assertThat(book.fargatePrices()).isEmpty();
    assertThat(book.cloudRunPrices()).isEmpty();
    assertThat(book.instanceType("D2s_v5").orElseThrow().pricePerHour()).isEqualByComparingTo("0.096");
    assertThat(book.eksControlPlanePerClusterHour()).isEqualByComparingTo("0");
    assertThatThrownBy(book::lambda).hasMessageContaining("no AWS Lambda prices");
  }

  @Test
  void gcpBookPricesCloudRunBothWaysAndFunctionsByTier() {
    // Cloud Run request-based $0.000024/vCPU-s + $0.0000025/GiB-s + $0.40/M; instance-based $0.000018 + $0.000002; 100 ms.
    PriceBook book = book("gcp-us-central1");
    assertThat(book.provider()).isEqualTo("gcp");
    CloudRunPrices run = book.cloudRunPrices().orElseThrow();
    assertThat(run.requestBased().perVcpuSecond()).isEqualByComparingTo("0.000024");
    assertThat(run.requestBased().perGibSecond()).isEqualByComparingTo("0.0000025");
    assertThat(run.requestsPerMillion()).isEqualByComparingTo("0.40");
    assertThat(run.instanceBased().perVcpuSecond()).isEqualByComparingTo("0.000018");
    assertThat(run.instanceBased().perGibSecond()).isEqualByComparingTo("0.000002");
    assertThat(run.billingGranularityNanos()).isEqualTo(100 * SimTime.NANOS_PER_MILLI);
    assertThat(run.freeVcpuSeconds()).isEqualTo(180_000);
    CloudRunFunctionsPrices fn = (CloudRunFunctionsPrices) book.functionOffer().orElseThrow();
    assertThat(fn.tierVcpus(128)).isEqualByComparingTo("0.083");
    assertThat(fn.tierVcpus(1000)).isEqualByComparingTo("0.583");
    assertThat(fn.tierVcpus(2048)).isEqualByComparingTo("1");
    assertThat(fn.billsInit()).isTrue();
    assertThat(book.instanceType("e2-standard-2").orElseThrow().pricePerHour()).isEqualByComparingTo("0.067006");
    assertThat(book.ec2().minimumBilledNanos()).isEqualTo(60 * SimTime.NANOS_PER_SECOND);
    assertThat(book.eksControlPlanePerClusterHour()).isEqualByComparingTo(new BigDecimal("0.10"));
  }

  @Test
  void twoFaasOffersInOneBookAreRejectedAtTheSecond() throws Exception {
    // A book prices one FaaS offer; a second section is reported where it starts.
    String aws = new String(PriceBooks.class.getResourceAsStream("aws-us-east-1.yaml").readAllBytes());
    String azure = new String(PriceBooks.class.getResourceAsStream("azure-eastus.yaml").readAllBytes());
    String functions = azure.substring(azure.indexOf("azureFunctions:"), azure.indexOf("virtualMachines:"));
    Files.writeString(dir.resolve("two.yaml"), aws + "\n" + functions);

    assertThatThrownBy(() -> PriceBooks.load("two.yaml", dir)).isInstanceOf(SpecException.class)
        .hasMessageContaining("prices one FaaS offer, found lambda and azureFunctions");
  }

  @Test
  void unknownProviderIsNamedWithTheKnownOnes() throws Exception {
    // provider: names the VM and Kubernetes sections, so an unknown one is a problem with the list.
    String aws = new String(PriceBooks.class.getResourceAsStream("aws-us-east-1.yaml").readAllBytes());
    Files.writeString(dir.resolve("p.yaml"), aws.replace("currency: USD", "currency: USD\nprovider: oracle"));

    assertThatThrownBy(() -> PriceBooks.load("p.yaml", dir)).isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown provider 'oracle'").hasMessageContaining("aws, azure, gcp");
  }
}
