package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;
import java.math.BigDecimal;

/**
 * Meters one Lambda function (one architecture, one memory size) and bills it as AWS does (AWS
 * Lambda pricing, effective 2025-10-01):
 *
 * <ul>
 *   <li>each request costs {@code requestsPerMillion} / 1,000,000, on-demand or provisioned;
 *   <li>duration is rounded up to the billing granularity (1 ms) and charged per GB-s, with
 *       GB = configured MB / 1024, in tiers that count each month's on-demand GB-s;
 *   <li>the INIT phase of on-demand environments is billed as duration when the book says so
 *       (billed since 2025-08-01, AWS Compute Blog 2025);
 *   <li>provisioned concurrency costs its held GB-s (each enablement rounded up to the book's
 *       granularity) plus its duration at the flat provisioned-duration price.
 * </ul>
 *
 * <p>Tiers and the free tier are monthly, but a run lasts {@code horizon}. The cost is what the
 * horizon's share of a month costs when the usage runs at the same pace all month (730 h): usage
 * scaled up by month / horizon, priced in tiers, the cost scaled back by horizon / month. Scaling
 * the tier limits and the free allowance by horizon / month instead is the same thing, with fewer
 * roundings, and is how it is computed. The free tier does not cover provisioned concurrency.
 *
 * <p>Usage accumulates as integer MB-ms; money is computed once, in {@link #cost}.
 */
public final class LambdaMeter implements FunctionMeter {
  private final LambdaPrices prices;
  private final LambdaPrices.Rates rates;
  private final int memoryMb;
  private long requests;
  private long onDemandMbMs;
  private long provisionedDurationMbMs;
  private long provisionedHeldMbMs;

  /** Creates a meter for a function of {@code memoryMb} on {@code architecture}. */
  public LambdaMeter(LambdaPrices prices, Architecture architecture, int memoryMb) {
    if (!prices.limits().allowsMemory(memoryMb)) {
      throw new IllegalArgumentException("Lambda memory must be " + prices.limits().memoryMinMb() + "–"
          + prices.limits().memoryMaxMb() + " MB in steps of " + prices.limits().memoryStepMb() + ", got " + memoryMb);
    }
    this.prices = prices;
    this.rates = prices.rates(architecture);
    this.memoryMb = memoryMb;
  }

  /** Records one on-demand request that ran for {@code durationNanos}. */
  @Override
  public void invocation(long durationNanos) {
    invocations(1, durationNanos);
  }

  /** Records {@code count} on-demand requests that each ran for {@code durationNanos}. */
  public void invocations(long count, long durationNanos) {
    if (count < 0) throw new IllegalArgumentException("a request count cannot be negative, got " + count);
    requests = Math.addExact(requests, count);
    onDemandMbMs = Math.addExact(onDemandMbMs, Math.multiplyExact(count, mbMs(durationNanos)));
  }

  /**
   * Records an on-demand request that started a new environment: INIT (when the book bills it)
   * and duration are added before rounding, once — AWS's REPORT line bills Init + Duration
   * rounded up together.
   */
  @Override
  public void coldInvocation(long initNanos, long durationNanos) {
    long billed = prices.billInitPhase() ? Math.addExact(requireNonNegative(initNanos), durationNanos) : durationNanos;
    invocations(1, billed);
  }

  /** Records the INIT phase of a new on-demand environment; free if the book does not bill INIT. */
  public void init(long initNanos) {
    if (prices.billInitPhase()) onDemandMbMs = Math.addExact(onDemandMbMs, mbMs(initNanos));
  }

  /** Records {@code instances} provisioned environments held for {@code heldNanos} (one enablement). */
  @Override
  public void provisioned(long instances, long heldNanos) {
    if (instances < 0) throw new IllegalArgumentException("an instance count cannot be negative, got " + instances);
    long billed = SimTime.ceilTo(requireNonNegative(heldNanos), prices.provisionedGranularityNanos());
    long mbMs = Math.multiplyExact(Math.multiplyExact(instances, billed / SimTime.NANOS_PER_MILLI), memoryMb);
    provisionedHeldMbMs = Math.addExact(provisionedHeldMbMs, mbMs);
  }

  /** Records one request served by a provisioned environment, running for {@code durationNanos}. */
  @Override
  public void provisionedInvocation(long durationNanos) {
    requests = Math.addExact(requests, 1);
    provisionedDurationMbMs = Math.addExact(provisionedDurationMbMs, mbMs(durationNanos));
  }

  /** Returns the requests recorded, on-demand and provisioned. */
  @Override
  public long requests() {
    return requests;
  }

  /** Returns the billed on-demand duration (including INIT) in MB-ms. */
  public long onDemandMbMs() {
    return onDemandMbMs;
  }

  /** Returns the billed provisioned-concurrency time held, in MB-ms. */
  public long provisionedHeldMbMs() {
    return provisionedHeldMbMs;
  }

  @Override
  public long billedMillis() {
    return onDemandMbMs / memoryMb;
  }

  @Override
  public Cost bill(long horizonNanos, boolean freeTier) {
    return cost(horizonNanos, freeTier).asCost();
  }

  /** Bills the usage of a run lasting {@code horizonNanos}, with or without the monthly free tier. */
  public LambdaCost cost(long horizonNanos, boolean freeTier) {
    BigDecimal share = Money.monthShare(horizonNanos);
    BigDecimal billedRequests = BigDecimal.valueOf(requests);
    BigDecimal onDemand = Money.gbSeconds(onDemandMbMs);
    if (freeTier) {
      billedRequests = Money.lessAllowance(billedRequests, BigDecimal.valueOf(prices.freeRequests()).multiply(share));
      onDemand = Money.lessAllowance(onDemand, BigDecimal.valueOf(prices.freeGbSeconds()).multiply(share));
    }
    BigDecimal requestCost = billedRequests.multiply(prices.requestsPerMillion()).movePointLeft(6);
    BigDecimal compute = Tier.price(rates.duration(), onDemand, share)
        .add(Money.gbSeconds(provisionedDurationMbMs).multiply(rates.provisionedDurationPerGbSecond()));
    BigDecimal held = Money.gbSeconds(provisionedHeldMbMs).multiply(rates.provisionedPerGbSecond());
    return LambdaCost.of(requestCost, compute, held);
  }

  private long mbMs(long durationNanos) {
    long billed = Math.max(prices.billingGranularityNanos(),
        SimTime.ceilTo(requireNonNegative(durationNanos), prices.billingGranularityNanos()));
    return Math.multiplyExact(billed / SimTime.NANOS_PER_MILLI, (long) memoryMb);
  }

  private static long requireNonNegative(long nanos) {
    if (nanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + nanos);
    return nanos;
  }
}
