package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What AWS Lambda charges and allows: request price, per-architecture duration tiers and
 * provisioned-concurrency rates, billing granularities, the INIT-phase rule, the monthly free
 * tier and the function limits.
 */
public record LambdaPrices(BigDecimal requestsPerMillion, Map<Architecture, Rates> rates,
    long billingGranularityNanos, long provisionedGranularityNanos, boolean billInitPhase,
    long freeRequests, long freeGbSeconds, Limits limits) {

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

  /** The function limits: memory range and step (MB), timeout, MB per full vCPU, account concurrency. */
  public record Limits(int memoryMinMb, int memoryMaxMb, int memoryStepMb, long maxTimeoutNanos, int mbPerVcpu,
      int accountConcurrency) {
    /** Returns true when {@code memoryMb} is a setting Lambda accepts. */
    public boolean allowsMemory(int memoryMb) {
      return memoryMb >= memoryMinMb && memoryMb <= memoryMaxMb && (memoryMb - memoryMinMb) % memoryStepMb == 0;
    }

    /** Returns the vCPU share a function of {@code memoryMb} gets (1.0 at {@code mbPerVcpu}). */
    public double vcpus(int memoryMb) {
      return memoryMb / (double) mbPerVcpu;
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
}
