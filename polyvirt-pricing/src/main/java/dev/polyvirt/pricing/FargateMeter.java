package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;

/**
 * Meters AWS Fargate (Linux) tasks as AWS bills them (AWS Fargate pricing, 2024-25): each task's
 * run is rounded up to the billing granularity (1 s) with a one-minute minimum, and costs its
 * vCPU-hours × vCPU price plus its GB-hours × memory price (GB = 1024 MiB).
 *
 * <p>Usage accumulates as integer vCPU-millicore-seconds and MiB-seconds; money is computed once,
 * in {@link #cost}.
 */
public final class FargateMeter {
  private static final BigDecimal MILLICORES_PER_VCPU = BigDecimal.valueOf(1000);
  private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);

  private final FargatePrices prices;
  private final FargatePrices.Rates rates;
  private long millicoreSeconds;
  private long mibSeconds;

  /** Creates an empty meter for tasks on {@code architecture}. */
  public FargateMeter(FargatePrices prices, Architecture architecture) {
    if (prices.billingGranularityNanos() % SimTime.NANOS_PER_SECOND != 0) {
      throw new IllegalArgumentException("Fargate billing granularity must be whole seconds");
    }
    this.prices = prices;
    this.rates = prices.rates(architecture);
  }

  /** Records a task of {@code vcpuMillis} millicores and {@code memoryMiB} running from start to end; returns the billed seconds. */
  public long task(int vcpuMillis, long memoryMiB, long startNanos, long endNanos) {
    if (vcpuMillis <= 0 || memoryMiB <= 0) throw new IllegalArgumentException("a task needs CPU and memory");
    long billed = InstanceMeter.billedSeconds(endNanos - startNanos, prices.billingGranularityNanos(),
        prices.minimumBilledNanos());
    millicoreSeconds = Math.addExact(millicoreSeconds, Math.multiplyExact(billed, (long) vcpuMillis));
    mibSeconds = Math.addExact(mibSeconds, Math.multiplyExact(billed, memoryMiB));
    return billed;
  }

  /** Returns the billed vCPU time in millicore-seconds. */
  public long millicoreSeconds() {
    return millicoreSeconds;
  }

  /** Returns the billed memory in MiB-seconds. */
  public long mibSeconds() {
    return mibSeconds;
  }

  /** Bills the metered tasks, all as compute (divisions by 1000 and 1024 terminate, so only /3600 rounds). */
  public Cost cost() {
    BigDecimal cpuSecondsTimesPrice = BigDecimal.valueOf(millicoreSeconds).multiply(rates.perVcpuHour())
        .divide(MILLICORES_PER_VCPU);
    BigDecimal memorySecondsTimesPrice = BigDecimal.valueOf(mibSeconds).multiply(rates.perGbHour()).divide(MIB_PER_GB);
    return Cost.ofCompute(Money.perHour(cpuSecondsTimesPrice.add(memorySecondsTimesPrice)));
  }
}
