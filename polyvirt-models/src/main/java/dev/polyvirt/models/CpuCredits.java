package dev.polyvirt.models;

import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;

/**
 * CPU credits of burstable instances (T3). A T3 earns credits at its baseline share of each vCPU
 * and spends them when it runs above; in unlimited mode (the T3 default) CPU beyond what it
 * earned is billed as surplus credits (AWS EC2 docs, "Burstable performance instances").
 * Credits are settled over the whole run: a fleet that averages under its baseline pays nothing
 * extra however it bursts, one that averages above pays for the excess.
 */
public final class CpuCredits {
  private CpuCredits() {}

  /** Returns the vCPU-seconds used above baseline by {@code billedSeconds} of {@code type} doing {@code busyCoreSeconds}. */
  public static long surplusVcpuSeconds(InstanceType type, long billedSeconds, double busyCoreSeconds) {
    if (!type.burstable()) return 0;
    double earned = type.baselineCpu() * type.vcpus() * billedSeconds;
    return (long) Math.ceil(Math.max(0, busyCoreSeconds - earned));
  }

  /** Estimates the surplus-credit cost per hour of {@code count} instances carrying {@code meanCores} on average. */
  public static BigDecimal surplusPerHour(InstanceType type, int count, double meanCores, BigDecimal pricePerVcpuHour) {
    if (!type.burstable()) return BigDecimal.ZERO;
    double excess = Math.max(0, meanCores - type.baselineCpu() * type.vcpus() * count);
    return pricePerVcpuHour.multiply(BigDecimal.valueOf(excess));
  }
}
