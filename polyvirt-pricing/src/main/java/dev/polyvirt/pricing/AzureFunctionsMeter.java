package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;

/**
 * Meters one Azure Functions app on the Consumption plan (Azure Functions pricing; learn.microsoft.com
 * "Estimating Consumption plan costs"): each execution costs its share of the per-million price
 * and its execution time — rounded up to the granularity (1 ms), at least the minimum (100 ms) —
 * times the memory, rounded up to the step (128 MB), in GB-s (GB = 1024 MB). The monthly free
 * grant (executions and GB-s) is prorated to the horizon as {@link LambdaMeter} does.
 *
 * <p>Azure measures the memory a function actually uses; here that is the configured
 * {@code memorySize} (by default the request's memory), so a 160 MB function bills 256 MB.
 */
public final class AzureFunctionsMeter implements FunctionMeter {
  private final AzureFunctionsPrices prices;
  private final int billedMb;
  private long executions;
  private long billedMillis;

  /** Creates a meter for a function using {@code memoryMb}. */
  public AzureFunctionsMeter(AzureFunctionsPrices prices, int memoryMb) {
    if (!prices.limits().allowsMemory(memoryMb)) {
      throw new IllegalArgumentException(prices.product() + " memory must be " + prices.limits().memoryMinMb() + "–"
          + prices.limits().memoryMaxMb() + " MB, got " + memoryMb);
    }
    this.prices = prices;
    this.billedMb = prices.billedMemoryMb(memoryMb);
  }

  @Override
  public void invocation(long durationNanos) {
    executions = Math.addExact(executions, 1);
    billedMillis = Math.addExact(billedMillis, billedMillis(durationNanos));
  }

  @Override
  public void coldInvocation(long initNanos, long durationNanos) {
    if (initNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + initNanos);
    invocation(prices.billInitPhase() ? Math.addExact(initNanos, durationNanos) : durationNanos);
  }

  @Override
  public void provisionedInvocation(long durationNanos) {
    throw new IllegalStateException(prices.product() + " has no pre-warmed instances");
  }

  @Override
  public void provisioned(long instances, long heldNanos) {
    if (instances != 0) throw new IllegalStateException(prices.product() + " has no pre-warmed instances");
  }

  @Override
  public long requests() {
    return executions;
  }

  @Override
  public long billedMillis() {
    return billedMillis;
  }

  /** Returns the memory billed per execution, in MB (rounded up to the step). */
  public int billedMemoryMb() {
    return billedMb;
  }

  @Override
  public Cost bill(long horizonNanos, boolean freeTier) {
    BigDecimal share = Money.monthShare(horizonNanos);
    BigDecimal billedExecutions = BigDecimal.valueOf(executions);
    BigDecimal gbSeconds = Money.gbSeconds(Math.multiplyExact(billedMillis, (long) billedMb));
    if (freeTier) {
      billedExecutions = Money.lessAllowance(billedExecutions, BigDecimal.valueOf(prices.freeExecutions()).multiply(share));
      gbSeconds = Money.lessAllowance(gbSeconds, BigDecimal.valueOf(prices.freeGbSeconds()).multiply(share));
    }
    BigDecimal requests = billedExecutions.multiply(prices.executionsPerMillion()).movePointLeft(6);
    return new Cost(gbSeconds.multiply(prices.perGbSecond()), requests, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  private long billedMillis(long durationNanos) {
    if (durationNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + durationNanos);
    long billed = Math.max(prices.minimumBilledNanos(), SimTime.ceilTo(durationNanos, prices.billingGranularityNanos()));
    return billed / SimTime.NANOS_PER_MILLI;
  }
}
