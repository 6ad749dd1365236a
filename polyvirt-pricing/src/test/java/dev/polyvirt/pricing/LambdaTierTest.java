package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import org.junit.jupiter.api.Test;

/** Monthly duration tiers (AWS Lambda pricing, effective 2025-10-01), with the expected amounts worked by hand. */
class LambdaTierTest {
  private static final long MONTH = SimTime.NANOS_PER_BILLING_MONTH;
  private static final long FIVE_HUNDRED_SECONDS = 500 * SimTime.NANOS_PER_SECOND;
  private static final LambdaPrices PRICES = PriceBooksTest.bundled().lambda();

  @Test
  void usageCrossingSixBillionGbSecondsUsesTheSecondTier() {
    // In a month, 6.5 B GB-s x86 = 6 B × 0.0000166667 + 0.5 B × 0.0000150000 = 100,000.2 + 7,500.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(13_000_000, FIVE_HUNDRED_SECONDS); // 13 M × 500 GB-s = 6.5 B GB-s

    LambdaCost cost = meter.cost(MONTH, false);

    assertThat(cost.compute()).isEqualByComparingTo("107500.2");
    assertThat(cost.requests()).isEqualByComparingTo("2.6");
    assertThat(cost.total()).isEqualByComparingTo("107502.8");
  }

  @Test
  void usageOverFifteenBillionGbSecondsUsesAllThreeTiers() {
    // 16 B GB-s x86 = 6 B × 0.0000166667 + 9 B × 0.0000150000 + 1 B × 0.0000133334 = 100,000.2 + 135,000 + 13,333.4.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(32_000_000, FIVE_HUNDRED_SECONDS);

    assertThat(meter.cost(MONTH, false).compute()).isEqualByComparingTo("248333.6");
  }

  @Test
  void usageExactlyAtTheArmBoundaryStaysInTheFirstTier() {
    // 7.5 B GB-s Arm is all first tier: 7.5 B × 0.0000133334 = 100,000.5.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.ARM64, 1024);
    meter.invocations(15_000_000, FIVE_HUNDRED_SECONDS);

    assertThat(meter.cost(MONTH, false).compute()).isEqualByComparingTo("100000.5");
  }

  @Test
  void tierLimitsScaleWithTheHorizon() {
    // Over half a month the first tier ends at 3 B GB-s: 3.25 B GB-s = 3 B × 0.0000166667 + 0.25 B × 0.000015.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(6_500_000, FIVE_HUNDRED_SECONDS);

    LambdaCost cost = meter.cost(MONTH / 2, false);

    assertThat(cost.compute()).isEqualByComparingTo("53750.1");
    assertThat(cost.total()).isEqualByComparingTo("53751.4");
  }

  @Test
  void usageBelowTheFirstLimitIsLinearForAnyHorizon() {
    // Below the first tier the horizon does not change the price: 100,000 GB-s cost 1.66667 over one hour too.
    LambdaMeter meter = new LambdaMeter(PRICES, Architecture.X86_64, 1024);
    meter.invocations(1_000_000, 100 * SimTime.NANOS_PER_MILLI);

    assertThat(meter.cost(SimTime.NANOS_PER_HOUR, false).compute()).isEqualByComparingTo("1.66667");
  }
}
