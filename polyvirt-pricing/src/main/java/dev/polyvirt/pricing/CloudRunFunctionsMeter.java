package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
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
public final class CloudRunFunctionsMeter implements FunctionMeter {
  private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

  private final CloudRunFunctionsPrices prices;
  private final int memoryMb;
  private final BigDecimal vcpus;
  private long requests;
  private long billedMillis;

  /** Creates a meter for a function of {@code memoryMb}. */
  public CloudRunFunctionsMeter(CloudRunFunctionsPrices prices, int memoryMb) {
    if (!prices.limits().allowsMemory(memoryMb)) {
      throw new IllegalArgumentException(prices.product() + " memory must be " + prices.limits().memoryMinMb() + "–"
          + prices.limits().memoryMaxMb() + " MB, got " + memoryMb);
    }
    this.prices = prices;
    this.memoryMb = memoryMb;
    this.vcpus = prices.tierVcpus(memoryMb);
  }

  @Override
  public void invocation(long durationNanos) {
    requests = Math.addExact(requests, 1);
    billedMillis = Math.addExact(billedMillis, billedMillis(durationNanos));
  }

  @Override
  public void coldInvocation(long initNanos, long durationNanos) {
    if (initNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + initNanos);
    invocation(prices.billInitPhase() ? Math.addExact(initNanos, durationNanos) : durationNanos);
  }

  @Override
  public void provisionedInvocation(long durationNanos) {
    throw new IllegalStateException("this book prices no minimum instances for " + prices.product());
  }

  @Override
  public void provisioned(long instances, long heldNanos) {
    if (instances != 0) throw new IllegalStateException("this book prices no minimum instances for " + prices.product());
  }

  @Override
  public long requests() {
    return requests;
  }

  @Override
  public long billedMillis() {
    return billedMillis;
  }

  /** Returns the vCPUs billed per second of the function's time. */
  public BigDecimal vcpus() {
    return vcpus;
  }

  @Override
  public Cost bill(long horizonNanos, boolean freeTier) {
    BigDecimal share = Money.monthShare(horizonNanos);
    BigDecimal seconds = BigDecimal.valueOf(billedMillis).divide(MILLIS_PER_SECOND);
    BigDecimal vcpuSeconds = seconds.multiply(vcpus);
    BigDecimal gibSeconds = Money.gbSeconds(Math.multiplyExact(billedMillis, (long) memoryMb));
    BigDecimal billedRequests = BigDecimal.valueOf(requests);
    if (freeTier) {
      vcpuSeconds = Money.lessAllowance(vcpuSeconds, BigDecimal.valueOf(prices.freeVcpuSeconds()).multiply(share));
      gibSeconds = Money.lessAllowance(gibSeconds, BigDecimal.valueOf(prices.freeGibSeconds()).multiply(share));
      billedRequests = Money.lessAllowance(billedRequests, BigDecimal.valueOf(prices.freeRequests()).multiply(share));
    }
    BigDecimal compute = vcpuSeconds.multiply(prices.perVcpuSecond()).add(gibSeconds.multiply(prices.perGibSecond()));
    return new Cost(compute, billedRequests.multiply(prices.requestsPerMillion()).movePointLeft(6), BigDecimal.ZERO, BigDecimal.ZERO);
  }

  private long billedMillis(long durationNanos) {
    if (durationNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + durationNanos);
    return Math.max(prices.billingGranularityNanos(), SimTime.ceilTo(durationNanos, prices.billingGranularityNanos()))
        / SimTime.NANOS_PER_MILLI;
  }
}
