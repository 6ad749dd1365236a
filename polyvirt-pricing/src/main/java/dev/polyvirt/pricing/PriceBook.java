package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider region's prices at one date, read from a YAML file: Lambda, Fargate, EC2, the EKS
 * control plane and the region's carbon coefficients. Amounts are in {@code currency}.
 */
public record PriceBook(String id, LocalDate effective, String currency, LambdaPrices lambda, FargatePrices fargate,
    Ec2Prices ec2, BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon, Optional<PurchaseOptions> purchaseOptions) {
  /** Creates a book with on-demand prices only. */
  public PriceBook(String id, LocalDate effective, String currency, LambdaPrices lambda, FargatePrices fargate,
      Ec2Prices ec2, BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon) {
    this(id, effective, currency, lambda, fargate, ec2, eksControlPlanePerClusterHour, carbon, Optional.empty());
  }

  public PriceBook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(lambda, "lambda");
    Objects.requireNonNull(fargate, "fargate");
    Objects.requireNonNull(ec2, "ec2");
    Objects.requireNonNull(eksControlPlanePerClusterHour, "eksControlPlanePerClusterHour");
    Objects.requireNonNull(carbon, "carbon");
    Objects.requireNonNull(purchaseOptions, "purchaseOptions");
  }

  /** Returns the book's name and date, e.g. {@code aws-us-east-1@2025-10-01}. */
  public String label() {
    return id + "@" + effective;
  }

  /** Finds the EC2 instance type called {@code name}. */
  public Optional<InstanceType> instanceType(String name) {
    return ec2.instanceType(name);
  }

  /** Lists the EC2 instance types in file order. */
  public List<InstanceType> instanceTypes() {
    return List.copyOf(ec2.instanceTypes().values());
  }
}
