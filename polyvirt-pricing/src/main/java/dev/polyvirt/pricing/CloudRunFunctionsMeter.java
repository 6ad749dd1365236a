package dev.polyvirt.pricing;

import java.math.BigDecimal;

/**
 * Meters one Cloud Run function as Cloud Run request-based billing does (cloud.google.com/run/pricing):
 * each request's billable time — its instance's start-up when it caused one, plus its handling —
 * is rounded up to 100 ms and costs the function's vCPUs × vCPU-second price plus its memory
 * (GiB = MiB / 1024) × GiB-second price; each request also costs its share of the per-million
 * price. The monthly free tier (vCPU-s, GiB-s, requests) is prorated to the horizon as
 * {@link LambdaMeter} does.
 *
 * <p>One request per instance at a time (the {@code faas} model), so an instance's billable time
 * is the sum of its requests' times.
 */
public final class CloudRunFunctionsMeter extends PerExecutionMeter {
  private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

  private final CloudRunFunctionsPrices prices;
  private final int memoryMb;
  private final BigDecimal vcpus;

  /** Creates a meter for a function of {@code memoryMb}. */
  public CloudRunFunctionsMeter(CloudRunFunctionsPrices prices, int memoryMb) {
    // every request is billed at least one granule: Cloud Run rounds each up to the next 100 ms
    super(prices.product(), prices.limits(), memoryMb, prices.billInitPhase(), prices.billingGranularityNanos(),
        prices.billingGranularityNanos());
    this.prices = prices;
    this.memoryMb = memoryMb;
    this.vcpus = prices.tierVcpus(memoryMb);
  }

  /** Returns the vCPUs billed per second of the function's time. */
  public BigDecimal vcpus() {
    return vcpus;
  }

  @Override
  public Cost bill(long horizonNanos, boolean freeTier) {
    BigDecimal share = Money.monthShare(horizonNanos);
    BigDecimal seconds = BigDecimal.valueOf(billedMillis()).divide(MILLIS_PER_SECOND);
    BigDecimal vcpuSeconds = seconds.multiply(vcpus);
    BigDecimal gibSeconds = Money.gbSeconds(Math.multiplyExact(billedMillis(), (long) memoryMb));
    BigDecimal billedRequests = BigDecimal.valueOf(requests());
    if (freeTier) {
      vcpuSeconds = Money.lessAllowance(vcpuSeconds, BigDecimal.valueOf(prices.freeVcpuSeconds()).multiply(share));
      gibSeconds = Money.lessAllowance(gibSeconds, BigDecimal.valueOf(prices.freeGibSeconds()).multiply(share));
      billedRequests = Money.lessAllowance(billedRequests, BigDecimal.valueOf(prices.freeRequests()).multiply(share));
    }
    BigDecimal compute = vcpuSeconds.multiply(prices.perVcpuSecond()).add(gibSeconds.multiply(prices.perGibSecond()));
    return new Cost(compute, billedRequests.multiply(prices.requestsPerMillion()).movePointLeft(6), BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
