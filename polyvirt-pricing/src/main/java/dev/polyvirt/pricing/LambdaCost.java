package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Lambda bill: requests, compute (all duration: on-demand tiers, INIT, and duration on
 * provisioned instances) and provisioned (concurrency held, whether used or not); exact amounts.
 */
public record LambdaCost(BigDecimal requests, BigDecimal compute, BigDecimal provisioned, BigDecimal total) {
  public LambdaCost {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(provisioned, "provisioned");
    Objects.requireNonNull(total, "total");
    if (requests.add(compute).add(provisioned).compareTo(total) != 0) {
      throw new IllegalArgumentException("total must be requests + compute + provisioned");
    }
  }

  /** Creates the bill, computing the total. */
  public static LambdaCost of(BigDecimal requests, BigDecimal compute, BigDecimal provisioned) {
    return new LambdaCost(requests, compute, provisioned, requests.add(compute).add(provisioned));
  }

  /** Converts to a {@link Cost}: provisioned concurrency held counts as idle capacity. */
  public Cost asCost() {
    return new Cost(compute, requests, provisioned, BigDecimal.ZERO);
  }
}
