package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Cost arithmetic and the EKS control-plane meter. */
class CostTest {
  @Test
  void plusAddsPartByPartAndTotalSumsThem() {
    // Adding costs never rounds: sub-cent parts survive until display.
    Cost a = new Cost(new BigDecimal("0.001"), new BigDecimal("0.002"), BigDecimal.ZERO, BigDecimal.ZERO);
    Cost b = new Cost(new BigDecimal("0.001"), BigDecimal.ZERO, new BigDecimal("0.0004"), new BigDecimal("0.0001"));

    Cost sum = a.plus(b).plus(Cost.ZERO);

    assertThat(sum.compute()).isEqualByComparingTo("0.002");
    assertThat(sum.total()).isEqualByComparingTo("0.0045");
    assertThat(Money.display(sum.total())).isEqualTo("0.00");
    assertThat(sum.display()).startsWith("total 0.00");
  }

  @Test
  void eksControlPlaneCostsTenCentsPerClusterHour() {
    // Two clusters of half an hour each cost one cluster-hour: $0.10 (Amazon EKS pricing).
    ControlPlaneMeter meter = ControlPlaneMeter.eks(PriceBooksTest.bundled());
    meter.cluster(0, 30 * SimTime.NANOS_PER_MINUTE);
    meter.cluster(SimTime.NANOS_PER_HOUR, SimTime.NANOS_PER_HOUR + 30 * SimTime.NANOS_PER_MINUTE);

    assertThat(meter.clusterSeconds()).isEqualTo(3600);
    assertThat(meter.cost().other()).isEqualByComparingTo("0.10");
  }
}
