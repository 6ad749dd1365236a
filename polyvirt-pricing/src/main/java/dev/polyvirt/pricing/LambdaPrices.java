package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What AWS Lambda charges and allows: request price, per-architecture duration tiers and
 * provisioned-concurrency rates, billing granularities, the INIT-phase rule, the monthly free
 * tier and the function limits. The {@code lambda:} section of a price book; a {@link FunctionOffer}.
 */
public record LambdaPrices(BigDecimal requestsPerMillion, Map<Architecture, Rates> rates,
    long billingGranularityNanos, long provisionedGranularityNanos, boolean billInitPhase,
    long freeRequests, long freeGbSeconds, FunctionLimits limits) implements FunctionOffer {

  /** The prices of one architecture: monthly duration tiers and provisioned-concurrency rates. */
  public record Rates(List<Tier> duration, BigDecimal provisionedPerGbSecond, BigDecimal provisionedDurationPerGbSecond) {
    public Rates {
      duration = List.copyOf(duration);
      Objects.requireNonNull(provisionedPerGbSecond, "provisionedPerGbSecond");
      Objects.requireNonNull(provisionedDurationPerGbSecond, "provisionedDurationPerGbSecond");
      if (duration.isEmpty() || !duration.get(duration.size() - 1).unbounded()) {
        throw new IllegalArgumentException("duration tiers must end with an unbounded tier");
      }
    }
  }

  public LambdaPrices {
    Objects.requireNonNull(requestsPerMillion, "requestsPerMillion");
    rates = Map.copyOf(rates);
    Objects.requireNonNull(limits, "limits");
  }

  /** Returns the rates of {@code architecture}, or fails if the book has none for it. */
  public Rates rates(Architecture architecture) {
    Rates r = rates.get(architecture);
    if (r == null) throw new IllegalArgumentException("this price book has no Lambda prices for " + architecture);
    return r;
  }

  @Override
  public String product() {
    return "AWS Lambda";
  }

  @Override
  public boolean billsInit() {
    return billInitPhase;
  }

  @Override
  public boolean pricesProvisioned() {
    return true;
  }

  @Override
  public boolean runsContainerImages() {
    return true;
  }

  /** Most vCPUs a function gets: 6, at 10,240 MB (AWS Lambda docs, "Memory and computing power"). */
  private static final double MAX_VCPUS = 6;

  /** Returns memory / mbPerVcpu (one vCPU at 1,769 MB), at most 6 (AWS Lambda docs, "Memory and computing power"). */
  @Override
  public double vcpus(int memoryMb) {
    return Math.min(MAX_VCPUS, memoryMb / (double) limits.mbPerVcpu());
  }

  @Override
  public java.util.OptionalInt defaultMemoryMb(int cpuMillis, long memoryMiB) {
    return java.util.OptionalInt.empty();
  }

  @Override
  public boolean offers(Architecture architecture) {
    return rates.containsKey(architecture);
  }

  @Override
  public FunctionMeter meter(Architecture architecture, int memoryMb) {
    return new LambdaMeter(this, architecture, memoryMb);
  }

  @Override
  public String billingRule() {
    return "per " + dev.polyvirt.engine.SimTime.format(billingGranularityNanos) + " at the configured memory"
        + (billInitPhase ? ", INIT billed" : "");
  }
}
