package dev.polyvirt.planner.score;

import dev.polyvirt.spec.Requirements;

/**
 * What a model offers beyond its simulated figures: its availability commitment, isolation
 * strength and portability. Figures are the providers' published service commitments; the
 * portability scale is ours, ordered by seed 002's argument (OCI images are portable across
 * clouds, §4.2; serverless ties code to vendor triggers and integrations, Table 1).
 */
public final class ModelTraits {
  /** AWS Compute SLA: Instance-Level Uptime 99.5 % — one instance is a single point of failure. */
  static final double SINGLE_INSTANCE_SLA = 0.995;
  /** AWS Compute SLA: Region-Level Uptime 99.99 % for EC2 across two or more AZs, also ECS/Fargate. */
  static final double REGION_SLA = 0.9999;
  /** Amazon EKS SLA: 99.95 % for the Kubernetes API endpoint. */
  static final double EKS_SLA = 0.9995;
  /** AWS Lambda SLA: 99.95 % monthly uptime per region. */
  static final double LAMBDA_SLA = 0.9995;

  private ModelTraits() {}

  /**
   * Returns the availability to expect: the provider's commitment for the shape that ran (one
   * VM or several), times the share of requests the simulation served.
   */
  public static double availability(String model, long peakInstances, double servedShare) {
    double sla = switch (model) {
      case "vm" -> peakInstances <= 1 ? SINGLE_INSTANCE_SLA : REGION_SLA;
      // microvm pods run on the same EKS cluster as containers (Firecracker/Kata as the runtime class)
      case "container", "microvm" -> EKS_SLA;
      case "faas" -> LAMBDA_SLA;
      case "serverless-container" -> REGION_SLA;
      default -> SINGLE_INSTANCE_SLA;
    };
    return sla * servedShare;
  }

  /** Returns the isolation boundary the model offers (a {@link Requirements#ISOLATIONS} value). */
  public static String isolation(String model) {
    return switch (model) {
      case "vm", "microvm" -> "hardware";
      case "faas", "serverless-container", "wasm" -> "sandboxed";
      default -> "shared-kernel";
    };
  }

  /**
   * Returns how easily the workload moves to another provider, 0 (locked in) to 1: containers
   * 1 (OCI images run anywhere, seed 002 §4.2), serverless containers 0.8 (the same images,
   * provider-specific scaling settings), VMs 0.6 (images and instance types are provider-specific),
   * microVMs 0.9 (the same OCI images, on a cluster that offers the Kata/Firecracker runtime
   * class), FaaS 0.3 (handlers, triggers and IAM wiring are the vendor's, seed 002 Table 1).
   */
  public static double portability(String model) {
    return switch (model) {
      case "container" -> 1.0;
      case "serverless-container" -> 0.8;
      case "microvm" -> 0.9;
      case "vm" -> 0.6;
      case "faas" -> 0.3;
      default -> 0.5;
    };
  }
}
