package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meters EC2 on-demand instances as AWS bills them (AWS EC2 per-second billing, Linux): each run
 * is rounded up to the billing granularity (1 s) with a minimum (60 s), and costs billed seconds ×
 * hourly price / 3600. A Windows run adds the licence per vCPU-hour on the same billed seconds.
 *
 * <p>Usage accumulates as integer instance-seconds per type; money is computed once, in
 * {@link #cost}.
 */
public final class InstanceMeter {
  private final Ec2Prices prices;
  private final Map<InstanceType, Long> seconds = new LinkedHashMap<>();
  private long windowsVcpuSeconds;
  private long surplusVcpuSeconds;

  /** Creates an empty meter billing at {@code prices}. */
  public InstanceMeter(Ec2Prices prices) {
    if (prices.billingGranularityNanos() % SimTime.NANOS_PER_SECOND != 0) {
      throw new IllegalArgumentException("EC2 billing granularity must be whole seconds");
    }
    this.prices = prices;
  }

  /** Records a Linux instance running from {@code startNanos} to {@code endNanos}; returns the billed seconds. */
  public long run(InstanceType type, long startNanos, long endNanos) {
    return run(type, startNanos, endNanos, OperatingSystem.LINUX);
  }

  /** Records an instance running {@code os} from {@code startNanos} to {@code endNanos}; returns the billed seconds. */
  public long run(InstanceType type, long startNanos, long endNanos, OperatingSystem os) {
    long billed = billedSeconds(endNanos - startNanos, prices.billingGranularityNanos(), prices.minimumBilledNanos());
    seconds.merge(type, billed, Math::addExact);
    if (os == OperatingSystem.WINDOWS) {
      windowsVcpuSeconds = Math.addExact(windowsVcpuSeconds, Math.multiplyExact(billed, (long) type.vcpus()));
    }
    return billed;
  }

  /**
   * Records CPU used above burstable instances' baseline, in vCPU-seconds: in unlimited mode AWS
   * bills it as surplus credits (EC2 docs, "Unlimited mode for burstable performance instances").
   */
  public void surplus(long vcpuSeconds) {
    if (vcpuSeconds < 0) throw new IllegalArgumentException("surplus CPU cannot be negative");
    surplusVcpuSeconds = Math.addExact(surplusVcpuSeconds, vcpuSeconds);
  }

  /** Returns what the recorded surplus CPU credits cost (part of {@link #cost}'s compute). */
  public BigDecimal surplusCost() {
    return Money.perHour(surplusVcpuSeconds, prices.surplusCreditPerVcpuHour());
  }

  /** Returns the surplus vCPU-seconds recorded. */
  public long surplusVcpuSeconds() {
    return surplusVcpuSeconds;
  }

  /** Returns the billed instance-seconds of every type together. */
  public long billedSeconds() {
    return seconds.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns the billed instance-seconds of {@code type}. */
  public long billedSeconds(InstanceType type) {
    return seconds.getOrDefault(type, 0L);
  }

  /** Bills the metered runs: compute is the instance price, other the Windows licence. */
  public Cost cost() {
    BigDecimal secondsTimesPrice = BigDecimal.ZERO;
    for (Map.Entry<InstanceType, Long> e : seconds.entrySet()) {
      secondsTimesPrice = secondsTimesPrice.add(BigDecimal.valueOf(e.getValue()).multiply(e.getKey().pricePerHour()));
    }
    BigDecimal compute = Money.perHour(secondsTimesPrice).add(surplusCost());
    return new Cost(compute, BigDecimal.ZERO, BigDecimal.ZERO,
        Money.perHour(windowsVcpuSeconds, prices.windowsLicencePerVcpuHour()));
  }

  /** Rounds a run of {@code nanos} up to {@code granularity}, at least {@code minimum}, in whole seconds. */
  static long billedSeconds(long nanos, long granularity, long minimum) {
    if (nanos < 0) throw new IllegalArgumentException("a run cannot end before it starts (" + nanos + " ns)");
    return Math.max(minimum, SimTime.ceilTo(nanos, granularity)) / SimTime.NANOS_PER_SECOND;
  }
}
