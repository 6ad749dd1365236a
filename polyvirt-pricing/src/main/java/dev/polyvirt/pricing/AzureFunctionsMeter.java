package dev.polyvirt.pricing;

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
public final class AzureFunctionsMeter extends PerExecutionMeter {
  private final AzureFunctionsPrices prices;
  private final int billedMb;

  /** Creates a meter for a function using {@code memoryMb}. */
  public AzureFunctionsMeter(AzureFunctionsPrices prices, int memoryMb) {
    super(prices.product(), prices.limits(), memoryMb, prices.billInitPhase(), prices.billingGranularityNanos(), prices.minimumBilledNanos());
    this.prices = prices;
    this.billedMb = prices.billedMemoryMb(memoryMb);
  }

  /** Returns the memory billed per execution, in MB (rounded up to the step). */
  public int billedMemoryMb() {
    return billedMb;
  }

  @Override
  public Cost bill(long horizonNanos, boolean freeTier) {
    BigDecimal share = Money.monthShare(horizonNanos);
    BigDecimal billedExecutions = BigDecimal.valueOf(requests());
    BigDecimal gbSeconds = Money.gbSeconds(Math.multiplyExact(billedMillis(), (long) billedMb));
    if (freeTier) {
      billedExecutions = Money.lessAllowance(billedExecutions, BigDecimal.valueOf(prices.freeExecutions()).multiply(share));
      gbSeconds = Money.lessAllowance(gbSeconds, BigDecimal.valueOf(prices.freeGbSeconds()).multiply(share));
    }
    BigDecimal requests = billedExecutions.multiply(prices.executionsPerMillion()).movePointLeft(6);
    return new Cost(gbSeconds.multiply(prices.perGbSecond()), requests, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
