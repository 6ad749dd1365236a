package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Lambda billing against closed forms from "AWS Lambda pricing, effective 2025-10-01". */
class LambdaMeterTest {
  private static final long MONTH = SimTime.NANOS_PER_BILLING_MONTH;
  private static final LambdaPrices PRICES = PriceBooksTest.bundled().lambda();

  @Test
  void millionRequestsOf100msAt1GbCostTheClosedForm() {
    // 1 M requests × 100 ms × 1 GB = 100,000 GB-s × $0.0000166667 + $0.20 = $1.86667 (AWS Lambda pricing, effective 2025-10-01).
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(1_000_000, 100 * SimTime.NANOS_PER_MILLI);

    LambdaCost cost = meter.cost(MONTH, false);

    assertThat(cost.compute()).isEqualByComparingTo("1.66667");
    assertThat(cost.requests()).isEqualByComparingTo("0.20");
    assertThat(cost.total()).isEqualByComparingTo(new BigDecimal("1.86667"));
    assertThat(Money.display(cost.total())).isEqualTo("1.87");
  }

  @Test
  void durationIsRoundedUpToTheMillisecond() {
    // A 100.2 ms request is billed as 101 ms (AWS Lambda pricing, effective 2025-10-01: per 1 ms).
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 512);
    for (int i = 0; i < 1_000_000; i++) meter.invocation(100_200_000L);

    assertThat(meter.onDemandMbMs()).isEqualTo(1_000_000L * 101 * 512);
    // 50,500 GB-s × 0.0000166667 + 0.20
    assertThat(meter.cost(MONTH, false).total()).isEqualByComparingTo("1.04166835");
  }

  @Test
  void initPhaseIsBilledOnlyWhenTheBookSaysSo() {
    // INIT time is on-demand duration when billInitPhase is true, and free when it is false.
    LambdaMeter billed = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    billed.init(250 * SimTime.NANOS_PER_MILLI);
    LambdaPrices free = new LambdaPrices(PRICES.requestsPerMillion(), PRICES.rates(), PRICES.billingGranularityNanos(),
        PRICES.provisionedGranularityNanos(), false, PRICES.freeRequests(), PRICES.freeGbSeconds(), PRICES.limits());
    LambdaMeter notBilled = new LambdaMeter(free, Architecture.X86_64, 1024);
    notBilled.init(250 * SimTime.NANOS_PER_MILLI);

    assertThat(billed.onDemandMbMs()).isEqualTo(250L * 1024);
    assertThat(billed.requests()).isZero();
    assertThat(notBilled.onDemandMbMs()).isZero();
  }

  @Test
  void provisionedConcurrencyBillsHeldTimeAndItsOwnDurationPrice() {
    // 10 × 1 GB held 1 h = 36,000 GB-s × 0.0000041667; a 100 ms request on it = 0.1 GB-s × 0.0000097222 + 1 request.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.provisioned(10, SimTime.NANOS_PER_HOUR);
    meter.provisionedInvocation(100 * SimTime.NANOS_PER_MILLI);

    LambdaCost cost = meter.cost(MONTH, false);

    assertThat(cost.provisioned()).isEqualByComparingTo("0.1500012");
    assertThat(cost.compute()).isEqualByComparingTo("0.00000097222");
    assertThat(cost.requests()).isEqualByComparingTo("0.0000002");
    assertThat(cost.asCost().idle()).isEqualByComparingTo(cost.provisioned());
  }

  @Test
  void provisionedTimeIsRoundedUpToFiveMinutes() {
    // Each enablement of provisioned concurrency is billed in whole 5-minute steps: 61 min bills 65 min.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.ARM64, 1024);
    meter.provisioned(1, 61 * SimTime.NANOS_PER_MINUTE);

    assertThat(meter.provisionedHeldMbMs()).isEqualTo(65L * 60 * 1000 * 1024);
  }

  @Test
  void freeTierCoversAMonthOfSmallUsageAndIsOffByDefault() {
    // 1 M requests and 100,000 GB-s fit in the monthly free tier (1 M requests, 400,000 GB-s).
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(1_000_000, 100 * SimTime.NANOS_PER_MILLI);

    assertThat(meter.cost(MONTH, true).total()).isEqualByComparingTo("0");
    assertThat(meter.cost(MONTH, false).total()).isEqualByComparingTo("1.86667");
  }

  @Test
  void freeTierShrinksWithTheHorizon() {
    // Over half a month only half the free allowance applies: 1 M requests leave 500,000 billed.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 128);
    meter.invocations(1_000_000, SimTime.NANOS_PER_MILLI);

    assertThat(meter.cost(MONTH / 2, true).requests()).isEqualByComparingTo("0.10");
  }

  @Test
  void memoryOutsideTheLimitsIsRejected() {
    // A meter cannot be built for a memory size Lambda does not offer (128–10240 MB).
    assertThatThrownBy(() -> new LambdaMeter(PRICES, Architecture.X86_64, 64)).hasMessageContaining("128");
    assertThatThrownBy(() -> new LambdaMeter(PRICES, Architecture.X86_64, 10241)).hasMessageContaining("10240");
  }
}
