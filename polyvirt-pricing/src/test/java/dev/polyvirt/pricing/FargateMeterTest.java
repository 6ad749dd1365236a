package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Fargate billing: per second with a one-minute minimum (AWS Fargate pricing, 2024-25). */
class FargateMeterTest {
  private static final FargatePrices PRICES = PriceBooksTest.bundled().fargate();

  @Test
  void shortTasksBillOneMinute() {
    // A 20-second task of 1 vCPU and 2 GB bills 60 s: 60 × (0.04048 + 2 × 0.004445) / 3600.
    FargateMeter meter = new FargateMeter(PRICES, Architecture.X86_64);

    assertThat(meter.task(1000, 2048, 0, 20 * SimTime.NANOS_PER_SECOND)).isEqualTo(60);
    assertThat(meter.cost().compute())
        .isEqualByComparingTo(new BigDecimal("2.9622").divide(BigDecimal.valueOf(3600), Money.PRECISION));
  }

  @Test
  void longerTasksRoundUpToTheSecond() {
    // 90.5 seconds bill 91 seconds.
    FargateMeter meter = new FargateMeter(PRICES, Architecture.X86_64);

    assertThat(meter.task(250, 512, 0, 90_500 * SimTime.NANOS_PER_MILLI)).isEqualTo(91);
    assertThat(meter.millicoreSeconds()).isEqualTo(91L * 250);
    assertThat(meter.mibSeconds()).isEqualTo(91L * 512);
  }

  @Test
  void anArmTaskHourCostsItsRatesExactly() {
    // 0.5 vCPU and 1 GB on Arm for one hour = 0.5 × 0.03238 + 1 × 0.00356 = 0.01975.
    FargateMeter meter = new FargateMeter(PRICES, Architecture.ARM64);
    meter.task(500, 1024, 0, SimTime.NANOS_PER_HOUR);

    assertThat(meter.cost().total()).isEqualByComparingTo("0.01975");
  }
}
