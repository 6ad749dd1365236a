package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Azure Functions Consumption billing rules, checked by hand (azure.microsoft.com/pricing/details/functions). */
class AzureFunctionsMeterTest {
  private static final AzureFunctionsPrices PRICES = (AzureFunctionsPrices) ProviderBooksTest.book("azure-eastus").functionOffer().orElseThrow();
  private static final long MS = SimTime.NANOS_PER_MILLI;

  @Test
  void memoryRoundsUpTo128MbAndTimeToTheMillisecondAboveTheMinimum() {
    // 160 MB bills 256 MB; 40 ms bills 100 ms; 250.2 ms bills 251 ms.
    AzureFunctionsMeter m = new AzureFunctionsMeter(PRICES, 160);
    m.invocation(40 * MS);
    m.invocation(250 * MS + 200_000);

    assertThat(m.billedMemoryMb()).isEqualTo(256);
    assertThat(m.billedMillis()).isEqualTo(100 + 251);
    // 351 ms × 0.25 GB = 0.08775 GB-s × 0.000016 = 0.000001404; 2 × 0.20 / 1e6 = 0.0000004
    Cost c = m.bill(SimTime.NANOS_PER_BILLING_MONTH, false);
    assertThat(c.compute()).isEqualByComparingTo("0.000001404");
    assertThat(c.requests()).isEqualByComparingTo("0.0000004");
  }

  @Test
  void startUpIsNotBilledAndMemoryAboveTheCapIsRefused() {
    // A cold execution bills its own time only; 1,537 MB is above the 1,536 MB instance.
    AzureFunctionsMeter m = new AzureFunctionsMeter(PRICES, 1536);
    m.coldInvocation(2000 * MS, 300 * MS);
    assertThat(m.billedMillis()).isEqualTo(300);
    assertThatThrownBy(() -> new AzureFunctionsMeter(PRICES, 1537)).hasMessageContaining("128–1536 MB");
    assertThatThrownBy(() -> m.provisioned(1, SimTime.NANOS_PER_HOUR)).hasMessageContaining("no pre-warmed");
  }

  @Test
  void freeGrantCoversAMonthOf400kGbSecondsAndAMillionExecutions() {
    // 2 M executions of 1 s at 256 MB = 500,000 GB-s; less 400,000 free = 100,000 × 0.000016 = $1.60; 1 M billed × $0.20/M = $0.20.
    AzureFunctionsMeter m = new AzureFunctionsMeter(PRICES, 256);
    for (int i = 0; i < 2_000; i++) m.invocation(SimTime.NANOS_PER_SECOND);
    // scale by repeating: 2,000 executions stand for 2 M in a 1/1000 month
    Cost c = m.bill(SimTime.NANOS_PER_BILLING_MONTH / 1000, true);
    assertThat(c.compute()).isEqualByComparingTo(new BigDecimal("0.0016"));
    assertThat(c.requests()).isEqualByComparingTo(new BigDecimal("0.0002"));
  }
}
