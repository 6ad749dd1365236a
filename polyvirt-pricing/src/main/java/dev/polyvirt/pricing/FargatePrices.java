package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** What AWS Fargate (Linux) charges: per-architecture vCPU-hour and GB-hour rates, granularity, minimum. */
public record FargatePrices(Map<Architecture, Rates> rates, long billingGranularityNanos, long minimumBilledNanos) {

  /** The rates of one architecture. */
  public record Rates(BigDecimal perVcpuHour, BigDecimal perGbHour) {
    public Rates {
      Objects.requireNonNull(perVcpuHour, "perVcpuHour");
      Objects.requireNonNull(perGbHour, "perGbHour");
    }
  }

  public FargatePrices {
    rates = Map.copyOf(rates);
  }

  /** Returns the rates of {@code architecture}, or fails if the book has none for it. */
  public Rates rates(Architecture architecture) {
    Rates r = rates.get(architecture);
    if (r == null) throw new IllegalArgumentException("this price book has no Fargate prices for " + architecture);
    return r;
  }
}
