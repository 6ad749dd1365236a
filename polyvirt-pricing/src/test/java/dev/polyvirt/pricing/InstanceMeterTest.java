package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** EC2 on-demand billing: per second with a 60-second minimum (AWS EC2 per-second billing, Linux). */
class InstanceMeterTest {
  private static final PriceBook BOOK = PriceBooksTest.bundled();
  private static final InstanceType T3_MICRO = BOOK.instanceType("t3.micro").orElseThrow();
  private static final InstanceType M5_LARGE = BOOK.instanceType("m5.large").orElseThrow();

  @Test
  void shortRunsBillTheSixtySecondMinimum() {
    // A 10-second instance is billed 60 seconds: 60 × 0.0104 / 3600.
    InstanceMeter meter = new InstanceMeter(BOOK.ec2());

    assertThat(meter.run(T3_MICRO, 0, 10 * SimTime.NANOS_PER_SECOND)).isEqualTo(60);
    assertThat(meter.cost().compute())
        .isEqualByComparingTo(new BigDecimal("0.624").divide(BigDecimal.valueOf(3600), Money.PRECISION));
  }

  @Test
  void longerRunsRoundUpToTheNextSecond() {
    // 61.2 seconds bill 62 seconds, and start time does not matter, only the length.
    InstanceMeter meter = new InstanceMeter(BOOK.ec2());
    long start = 5 * SimTime.NANOS_PER_HOUR;

    assertThat(meter.run(T3_MICRO, start, start + 61_200 * SimTime.NANOS_PER_MILLI)).isEqualTo(62);
    assertThat(meter.billedSeconds(T3_MICRO)).isEqualTo(62);
  }

  @Test
  void anHourCostsTheHourlyPriceExactly() {
    // Σ seconds × price / 3600 returns the list price for a whole hour, with no drift over many runs.
    InstanceMeter meter = new InstanceMeter(BOOK.ec2());
    for (int i = 0; i < 60; i++) meter.run(M5_LARGE, 0, SimTime.NANOS_PER_MINUTE);

    assertThat(meter.billedSeconds()).isEqualTo(3600);
    assertThat(meter.cost().total()).isEqualByComparingTo("0.096");
  }

  @Test
  void windowsAddsTheLicencePerVcpuHour() {
    // An m5.large Windows hour costs 0.096 + 2 vCPU × 0.046 = 0.188, AWS's Windows list price.
    InstanceMeter meter = new InstanceMeter(BOOK.ec2());
    meter.run(M5_LARGE, 0, SimTime.NANOS_PER_HOUR, OperatingSystem.WINDOWS);

    Cost cost = meter.cost();

    assertThat(cost.compute()).isEqualByComparingTo("0.096");
    assertThat(cost.other()).isEqualByComparingTo("0.092");
    assertThat(cost.total()).isEqualByComparingTo("0.188");
  }
}
