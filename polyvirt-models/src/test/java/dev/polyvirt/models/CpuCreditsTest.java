package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.pricing.InstanceType;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.pricing.PriceBooks;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuCreditsTest {
  private static final BigDecimal SURPLUS_PER_VCPU_HOUR = new BigDecimal("0.05");

  private static InstanceType type(String name) throws Exception {
    PriceBook book = PriceBooks.load("aws-us-east-1", Path.of("."));
    return book.instanceType(name).orElseThrow();
  }

  @ParameterizedTest(name = "{0}: {1} s billed, {2} core-s busy -> {3} vCPU-s surplus")
  @CsvSource({
      // t3.micro earns 0.10 x 2 vCPU = 0.2 vCPU-s per second
      "t3.micro, 3600, 1800, 1080",
      "t3.micro, 3600, 720, 0",
      "t3.micro, 3600, 300, 0",
      "t3.micro, 3600, 720.2, 1",
      // t3.large earns 0.30 x 2 = 0.6 per second
      "t3.large, 100, 100, 40",
      // fixed-performance types never pay surplus
      "m5.large, 3600, 7200, 0",
      "c5.large, 60, 1e6, 0"})
  void surplusIsBusyCpuAboveTheEarnedBaselineRoundedUp(String name, long billedSeconds, double busy, long expected) throws Exception {
    // Surplus vCPU-seconds = ceil(max(0, busy core-s - baseline x vCPUs x billed s)) for burstable types, 0 otherwise.
    assertThat(CpuCredits.surplusVcpuSeconds(type(name), billedSeconds, busy)).isEqualTo(expected);
  }

  @Test
  void hourlySurplusEstimateChargesOnlyTheMeanCoresAboveTheFleetBaseline() throws Exception {
    // The sizing estimate charges (mean cores - baseline x vCPUs x count) x price per vCPU-hour, and nothing at or below baseline.
    InstanceType small = type("t3.small"); // baseline 0.2 x 2 vCPU = 0.4 cores per instance
    // 3.0 - 0.2 x 2 x 6 = 0.6 cores above baseline x $0.05 (a double estimate used for sizing, not a bill)
    assertThat(CpuCredits.surplusPerHour(small, 6, 3.0, SURPLUS_PER_VCPU_HOUR)).isCloseTo(new BigDecimal("0.03"), within(new BigDecimal("1e-12")));
    assertThat(CpuCredits.surplusPerHour(small, 6, 2.4, SURPLUS_PER_VCPU_HOUR)).isEqualByComparingTo("0");
    assertThat(CpuCredits.surplusPerHour(small, 1, 0.1, SURPLUS_PER_VCPU_HOUR)).isEqualByComparingTo("0");
    assertThat(CpuCredits.surplusPerHour(type("m5.large"), 1, 2.0, SURPLUS_PER_VCPU_HOUR)).isEqualByComparingTo("0");
  }
}
