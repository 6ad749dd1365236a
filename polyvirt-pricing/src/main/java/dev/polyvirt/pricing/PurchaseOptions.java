package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What committing or bidding saves against on-demand list prices, as fractions of the on-demand
 * price (0.375 = 37.5 % off), and how often spot capacity is taken back. A price book may leave
 * the section out; then only on-demand prices are known.
 *
 * @param ec2Reserved1y Standard Reserved Instance, 1 year, no upfront
 * @param ec2Reserved3y Standard Reserved Instance, 3 years, no upfront
 * @param computeSavingsPlan1y Compute Savings Plan, 1 year, no upfront, on EC2 usage
 * @param lambdaSavingsPlan3y Compute Savings Plan on Lambda duration, the best term (3 years)
 * @param fargateSavingsPlan3y Compute Savings Plan on Fargate, the best term (3 years)
 * @param spot Spot price below on-demand
 * @param spotInterruptionsPerMonth share of spot instances interrupted in a month
 */
public record PurchaseOptions(BigDecimal ec2Reserved1y, BigDecimal ec2Reserved3y, BigDecimal computeSavingsPlan1y,
    BigDecimal lambdaSavingsPlan3y, BigDecimal fargateSavingsPlan3y, BigDecimal spot, BigDecimal spotInterruptionsPerMonth) {
  public PurchaseOptions {
    Objects.requireNonNull(ec2Reserved1y, "ec2Reserved1y");
    Objects.requireNonNull(ec2Reserved3y, "ec2Reserved3y");
    Objects.requireNonNull(computeSavingsPlan1y, "computeSavingsPlan1y");
    Objects.requireNonNull(lambdaSavingsPlan3y, "lambdaSavingsPlan3y");
    Objects.requireNonNull(fargateSavingsPlan3y, "fargateSavingsPlan3y");
    Objects.requireNonNull(spot, "spot");
    Objects.requireNonNull(spotInterruptionsPerMonth, "spotInterruptionsPerMonth");
  }

  /** Reads the {@code purchaseOptions:} section of a price book. */
  static PurchaseOptions read(dev.polyvirt.spec.Fields f) {
    String hint = "a fraction of the on-demand price between 0 and 1, e.g. 0.375";
    PurchaseOptions p = new PurchaseOptions(fraction(f, "ec2Reserved1y", hint), fraction(f, "ec2Reserved3y", hint),
        fraction(f, "computeSavingsPlan1y", hint), fraction(f, "lambdaSavingsPlan3y", hint), fraction(f, "fargateSavingsPlan3y", hint),
        fraction(f, "spot", hint), fraction(f, "spotInterruptionsPerMonth", "a share of instances per month, e.g. 0.05"));
    f.done();
    return p;
  }

  private static BigDecimal fraction(dev.polyvirt.spec.Fields f, String key, String hint) {
    BigDecimal v = PriceFields.price(f, key, hint);
    if (v.compareTo(BigDecimal.ONE) > 0) {
      f.problems().add(f.keyMark(key), "'" + key + "' must be a fraction between 0 and 1, found " + v.toPlainString(), hint);
      return BigDecimal.ZERO;
    }
    return v;
  }
}
