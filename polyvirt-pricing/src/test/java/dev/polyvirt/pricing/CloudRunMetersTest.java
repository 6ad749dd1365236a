package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import org.junit.jupiter.api.Test;

/** Cloud Run and Cloud Run functions billing rules, checked by hand (cloud.google.com/run/pricing). */
class CloudRunMetersTest {
  private static final PriceBook BOOK = ProviderBooksTest.book("gcp-us-central1");
  private static final long MS = SimTime.NANOS_PER_MILLI;

  @Test
  void functionTimeRoundsUpTo100MsAndIncludesStartUp() {
    // 1 ms bills 100 ms; a cold 250 ms start + 120 ms bills 400 ms; 1 GiB function has 0.583 vCPU.
    CloudRunFunctionsMeter m = (CloudRunFunctionsMeter) BOOK.functionOffer().orElseThrow().meter(Architecture.X86_64, 1024);
    m.invocation(MS);
    m.coldInvocation(250 * MS, 120 * MS);

    assertThat(m.billedMillis()).isEqualTo(500);
    // 0.5 s × 0.583 vCPU × 0.000024 = 0.0000069960; 0.5 GiB-s × 0.0000025 = 0.00000125; 2 × 0.40 / 1e6 = 0.0000008
    Cost c = m.bill(SimTime.NANOS_PER_BILLING_MONTH, false);
    assertThat(c.compute()).isEqualByComparingTo("0.000008246");
    assertThat(c.requests()).isEqualByComparingTo("0.0000008");
  }

  @Test
  void requestBasedSpansRoundEachAndPayPerRequest() {
    // 1 vCPU / 512 MiB: spans of 50 ms and 1,001 ms bill 100 + 1,100 ms = 1.2 s.
    CloudRunMeter m = new CloudRunMeter(BOOK.cloudRunPrices().orElseThrow(), CloudRunPrices.Billing.REQUEST, 1000, 512);
    m.span(0, 50 * MS);
    m.span(SimTime.NANOS_PER_SECOND, SimTime.NANOS_PER_SECOND + 1001 * MS);
    assertThat(m.billedMillis()).isEqualTo(1200);
    // 1.2 × 0.000024 + 0.6 × 0.0000025 = 0.0000288 + 0.0000015; 10 requests × 0.40 / 1e6
    Cost c = m.cost(10, SimTime.NANOS_PER_BILLING_MONTH, false);
    assertThat(c.compute()).isEqualByComparingTo("0.0000303");
    assertThat(c.requests()).isEqualByComparingTo("0.000004");
  }

  @Test
  void instanceBasedBillsTheWholeLifeWithoutRequestFeeOrFreeTier() {
    // One 2-vCPU / 1 GiB instance alive for an hour: 7,200 vCPU-s × 0.000018 + 3,600 GiB-s × 0.000002 = 0.1296 + 0.0072.
    CloudRunMeter m = new CloudRunMeter(BOOK.cloudRunPrices().orElseThrow(), CloudRunPrices.Billing.INSTANCE, 2000, 1024);
    m.span(0, SimTime.NANOS_PER_HOUR);
    Cost c = m.cost(1_000_000, SimTime.NANOS_PER_BILLING_MONTH, true);
    assertThat(c.compute()).isEqualByComparingTo("0.1368");
    assertThat(c.requests()).isEqualByComparingTo("0");
  }

  @Test
  void requestBasedFreeTierIsProratedToTheHorizon() {
    // A 1/730 month (1 h) gets 180,000/730 vCPU-s free: 1 vCPU for 1 h (3,600 vCPU-s) leaves 3,600 − 246.575… billed.
    CloudRunMeter m = new CloudRunMeter(BOOK.cloudRunPrices().orElseThrow(), CloudRunPrices.Billing.REQUEST, 1000, 1024);
    m.span(0, SimTime.NANOS_PER_HOUR);
    Cost c = m.cost(0, SimTime.NANOS_PER_HOUR, true);
    double vcpu = (3600 - 180_000 / 730.0) * 0.000024;
    double gib = (3600 - 360_000 / 730.0) * 0.0000025;
    assertThat(c.compute().doubleValue()).isCloseTo(vcpu + gib, org.assertj.core.data.Offset.offset(1e-12));
  }
}
