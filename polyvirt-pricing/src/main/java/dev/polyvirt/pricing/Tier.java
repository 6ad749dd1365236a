package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One band of a monthly tiered price: usage up to {@code upToGbSeconds} (cumulative, per month)
 * costs {@code perGbSecond}; the last band has no limit ({@link #UNBOUNDED}).
 *
 * <p>{@link #price} multiplies every limit by the metered horizon's share of a 730-h month. That
 * equals scaling the usage up to a month, pricing it and scaling the cost back, with fewer roundings.
 */
public record Tier(long upToGbSeconds, BigDecimal perGbSecond) {
  /** The limit of the last band. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  public Tier {
    Objects.requireNonNull(perGbSecond, "perGbSecond");
    if (upToGbSeconds <= 0) throw new IllegalArgumentException("a tier must end above 0 GB-s");
  }

  /** Returns true for the last, unlimited band. */
  public boolean unbounded() {
    return upToGbSeconds == UNBOUNDED;
  }

  /** Prices {@code gbSeconds} of usage over {@code tiers} whose limits are scaled by {@code monthFraction}. */
  public static BigDecimal price(List<Tier> tiers, BigDecimal gbSeconds, BigDecimal monthFraction) {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    for (Tier t : tiers) {
      BigDecimal above = gbSeconds.subtract(lower);
      if (above.signum() <= 0) break;
      if (t.unbounded()) return cost.add(above.multiply(t.perGbSecond));
      BigDecimal upper = BigDecimal.valueOf(t.upToGbSeconds).multiply(monthFraction);
      BigDecimal inBand = above.min(upper.subtract(lower));
      cost = cost.add(inBand.multiply(t.perGbSecond));
      lower = upper;
    }
    return cost;
  }
}
