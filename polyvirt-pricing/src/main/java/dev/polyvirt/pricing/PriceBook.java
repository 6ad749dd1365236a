package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider region's prices at one date, read from a YAML file: the FaaS offer (AWS Lambda,
 * Azure Functions or Cloud Run functions; see {@link FunctionOffers}), the serverless container
 * offers (AWS Fargate, Cloud Run), the virtual machines (EC2, Azure VMs or Compute Engine, kept in
 * {@link Ec2Prices}), the managed Kubernetes control plane (EKS, AKS or GKE) and the region's
 * carbon coefficients. Amounts are in {@code currency}.
 *
 * @param provider {@code aws}, {@code azure} or {@code gcp}: names the VM and Kubernetes sections
 * @param ec2 the book's virtual machines, whatever the provider
 * @param eksControlPlanePerClusterHour the managed Kubernetes control plane's price per cluster-hour
 * @param integration API gateway, load balancer and event bus prices (the planner's portfolio patterns), if listed
 * @param confidential the instance types that run confidential VMs (AMD SEV-SNP), if listed
 * @param kvm the instance types whose guests get KVM (microVM node groups: Firecracker, Kata), if listed
 * @param dataTransfer internet egress tiers and cross-zone traffic prices, if listed
 */
public record PriceBook(String id, String provider, LocalDate effective, String currency, Optional<FunctionOffer> functionOffer,
    Optional<FargatePrices> fargatePrices, Optional<CloudRunPrices> cloudRunPrices, Ec2Prices ec2,
    BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon, Optional<PurchaseOptions> purchaseOptions,
    Optional<IntegrationPrices> integration, Optional<ConfidentialInstances> confidential, Optional<KvmHosts> kvm,
    Optional<DataTransferPrices> dataTransfer) {
  /** Creates a book without KVM hosts or data transfer prices. */
  public PriceBook(String id, String provider, LocalDate effective, String currency, Optional<FunctionOffer> functionOffer,
      Optional<FargatePrices> fargatePrices, Optional<CloudRunPrices> cloudRunPrices, Ec2Prices ec2,
      BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon, Optional<PurchaseOptions> purchaseOptions,
      Optional<IntegrationPrices> integration, Optional<ConfidentialInstances> confidential) {
    this(id, provider, effective, currency, functionOffer, fargatePrices, cloudRunPrices, ec2, eksControlPlanePerClusterHour,
        carbon, purchaseOptions, integration, confidential, Optional.empty(), Optional.empty());
  }

  /** Creates a book without integration prices or confidential instance types. */
  public PriceBook(String id, String provider, LocalDate effective, String currency, Optional<FunctionOffer> functionOffer,
      Optional<FargatePrices> fargatePrices, Optional<CloudRunPrices> cloudRunPrices, Ec2Prices ec2,
      BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon, Optional<PurchaseOptions> purchaseOptions) {
    this(id, provider, effective, currency, functionOffer, fargatePrices, cloudRunPrices, ec2, eksControlPlanePerClusterHour,
        carbon, purchaseOptions, Optional.empty(), Optional.empty());
  }

  /** Creates a book with on-demand prices only. */
  public PriceBook(String id, String provider, LocalDate effective, String currency, Optional<FunctionOffer> functionOffer,
      Optional<FargatePrices> fargatePrices, Optional<CloudRunPrices> cloudRunPrices, Ec2Prices ec2,
      BigDecimal eksControlPlanePerClusterHour, CarbonCoefficients carbon) {
    this(id, provider, effective, currency, functionOffer, fargatePrices, cloudRunPrices, ec2, eksControlPlanePerClusterHour,
        carbon, Optional.empty());
  }

  public PriceBook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(functionOffer, "functionOffer");
    Objects.requireNonNull(fargatePrices, "fargatePrices");
    Objects.requireNonNull(cloudRunPrices, "cloudRunPrices");
    Objects.requireNonNull(ec2, "ec2");
    Objects.requireNonNull(eksControlPlanePerClusterHour, "eksControlPlanePerClusterHour");
    Objects.requireNonNull(carbon, "carbon");
    Objects.requireNonNull(purchaseOptions, "purchaseOptions");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(confidential, "confidential");
    Objects.requireNonNull(kvm, "kvm");
    Objects.requireNonNull(dataTransfer, "dataTransfer");
  }

  /** Returns the book's name and date, e.g. {@code aws-us-east-1@2025-10-01}. */
  public String label() {
    return id + "@" + effective;
  }

  /** Returns the AWS Lambda prices, or fails if the book's FaaS offer is another (or none). */
  public LambdaPrices lambda() {
    return functionOffer.filter(LambdaPrices.class::isInstance).map(LambdaPrices.class::cast)
        .orElseThrow(() -> new IllegalStateException("price book " + label() + " has no AWS Lambda prices"));
  }

  /** Returns the AWS Fargate prices, or fails if the book has none. */
  public FargatePrices fargate() {
    return fargatePrices.orElseThrow(() -> new IllegalStateException("price book " + label() + " has no AWS Fargate prices"));
  }

  /** Finds the instance type called {@code name}. */
  public Optional<InstanceType> instanceType(String name) {
    return ec2.instanceType(name);
  }

  /** Lists the instance types that run confidential VMs (empty when the book lists none). */
  public List<InstanceType> confidentialInstanceTypes() {
    return confidential.map(ConfidentialInstances::instanceTypes).orElse(List.of());
  }

  /** Lists the instance types whose guests get KVM, in file order (empty when the book lists none). */
  public List<InstanceType> kvmHostTypes() {
    return kvm.map(KvmHosts::instanceTypes).orElse(List.of());
  }

  /** Returns how the KVM hosts' guests reach KVM: {@code metal} or {@code nested} (empty string when the book lists none). */
  public String kvmHostAccess() {
    return kvm.map(KvmHosts::access).orElse("");
  }

  /** Lists the instance types in file order. */
  public List<InstanceType> instanceTypes() {
    return List.copyOf(ec2.instanceTypes().values());
  }
}
