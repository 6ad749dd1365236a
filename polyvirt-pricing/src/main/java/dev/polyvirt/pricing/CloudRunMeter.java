package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;

/**
 * Meters the instances of one Cloud Run service of one size (cloud.google.com/run/pricing): each
 * billable span — a stretch of request-based billable time, or an instance's whole life under
 * instance-based billing — is rounded up to the granularity (100 ms) and costs vCPUs ×
 * vCPU-second price plus GiB (MiB / 1024) × GiB-second price at the billing mode's rates.
 * Request-based billing adds the per-million request price and, when asked, the monthly free
 * tier prorated to the horizon; instance-based billing has neither.
 *
 * <p>Usage accumulates as integer milliseconds; money is computed once, in {@link #cost}.
 */
public final class CloudRunMeter {
  private static final BigDecimal MILLICORE_MS_PER_VCPU_SECOND = BigDecimal.valueOf(1_000_000);

  private final CloudRunPrices prices;
  private final CloudRunPrices.Billing billing;
  private final int vcpuMillis;
  private final long memoryMiB;
  private long billedMillis;

  /** Creates an empty meter for instances of {@code vcpuMillis} millicores and {@code memoryMiB}. */
  public CloudRunMeter(CloudRunPrices prices, CloudRunPrices.Billing billing, int vcpuMillis, long memoryMiB) {
    if (vcpuMillis <= 0 || memoryMiB <= 0) throw new IllegalArgumentException("an instance needs CPU and memory");
    this.prices = prices;
    this.billing = billing;
    this.vcpuMillis = vcpuMillis;
    this.memoryMiB = memoryMiB;
  }

  /** Records one billable span from {@code startNanos} to {@code endNanos}; returns the billed milliseconds. */
  public long span(long startNanos, long endNanos) {
    long length = endNanos - startNanos;
    if (length < 0) throw new IllegalArgumentException("a span cannot end before it starts");
    long billed = SimTime.ceilTo(length, prices.billingGranularityNanos()) / SimTime.NANOS_PER_MILLI;
    billedMillis = Math.addExact(billedMillis, billed);
    return billed;
  }

  /** Returns the billed instance time in milliseconds. */
  public long billedMillis() {
    return billedMillis;
  }

  /** Returns the billed vCPU time in millicore-seconds. */
  public long millicoreSeconds() {
    return billedMillis * vcpuMillis / 1000;
  }

  /** Returns the billed memory in MiB-seconds. */
  public long mibSeconds() {
    return billedMillis * memoryMiB / 1000;
  }

  /** Bills the spans and {@code requests} of a run lasting {@code horizonNanos}; compute and requests. */
  public Cost cost(long requests, long horizonNanos, boolean freeTier) {
    CloudRunPrices.Rates rates = prices.rates(billing);
    BigDecimal vcpuSeconds = BigDecimal.valueOf(Math.multiplyExact(billedMillis, (long) vcpuMillis)).divide(MILLICORE_MS_PER_VCPU_SECOND);
    BigDecimal gibSeconds = Money.gbSeconds(Math.multiplyExact(billedMillis, memoryMiB));
    if (billing == CloudRunPrices.Billing.INSTANCE) {
      return Cost.ofCompute(vcpuSeconds.multiply(rates.perVcpuSecond()).add(gibSeconds.multiply(rates.perGibSecond())));
    }
    BigDecimal billedRequests = BigDecimal.valueOf(requests);
    if (freeTier) {
      BigDecimal share = Money.monthShare(horizonNanos);
      vcpuSeconds = Money.lessAllowance(vcpuSeconds, BigDecimal.valueOf(prices.freeVcpuSeconds()).multiply(share));
      gibSeconds = Money.lessAllowance(gibSeconds, BigDecimal.valueOf(prices.freeGibSeconds()).multiply(share));
      billedRequests = Money.lessAllowance(billedRequests, BigDecimal.valueOf(prices.freeRequests()).multiply(share));
    }
    BigDecimal compute = vcpuSeconds.multiply(rates.perVcpuSecond()).add(gibSeconds.multiply(rates.perGibSecond()));
    return new Cost(compute, billedRequests.multiply(prices.requestsPerMillion()).movePointLeft(6), BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
