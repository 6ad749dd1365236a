package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount split by what it pays for: compute (running work), requests, idle (capacity held
 * without work, such as provisioned concurrency) and other (licences, control planes). Amounts are
 * never rounded here; see {@link Money#display}.
 */
public record Cost(BigDecimal compute, BigDecimal requests, BigDecimal idle, BigDecimal other) {
  /** Nothing to pay. */
  public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public Cost {
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(other, "other");
  }

  /** Creates a cost that is all compute. */
  public static Cost ofCompute(BigDecimal amount) {
    return new Cost(amount, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** Creates a cost that is all other (licences, control planes). */
  public static Cost ofOther(BigDecimal amount) {
    return new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, amount);
  }

  /** Returns the sum of the parts. */
  public BigDecimal total() {
    return compute.add(requests).add(idle).add(other);
  }

  /** Adds {@code that} part by part. */
  public Cost plus(Cost that) {
    return new Cost(compute.add(that.compute), requests.add(that.requests), idle.add(that.idle), other.add(that.other));
  }

  /** Formats the parts and total rounded to cents, for reports. */
  public String display() {
    return "total " + Money.display(total()) + " (compute " + Money.display(compute) + ", requests "
        + Money.display(requests) + ", idle " + Money.display(idle) + ", other " + Money.display(other) + ")";
  }
}
