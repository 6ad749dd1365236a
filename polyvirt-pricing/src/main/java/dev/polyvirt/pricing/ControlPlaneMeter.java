package dev.polyvirt.pricing;

import java.math.BigDecimal;

/**
 * Meters Kubernetes control planes (Amazon EKS pricing: $0.10 per cluster-hour). The reference
 * table gives only the hourly rate, so cluster time is prorated per started second, no minimum.
 *
 * <p>Usage accumulates as integer cluster-seconds; money is computed once, in {@link #cost}.
 */
public final class ControlPlaneMeter {
  private static final long SECOND = dev.polyvirt.engine.SimTime.NANOS_PER_SECOND;

  private final BigDecimal perClusterHour;
  private long clusterSeconds;

  /** Creates an empty meter billing {@code perClusterHour}. */
  public ControlPlaneMeter(BigDecimal perClusterHour) {
    this.perClusterHour = perClusterHour;
  }

  /** Creates an empty meter at the EKS rate of {@code book}. */
  public static ControlPlaneMeter eks(PriceBook book) {
    return new ControlPlaneMeter(book.eksControlPlanePerClusterHour());
  }

  /** Records one cluster running from {@code startNanos} to {@code endNanos}; returns the billed seconds. */
  public long cluster(long startNanos, long endNanos) {
    long billed = InstanceMeter.billedSeconds(endNanos - startNanos, SECOND, 0);
    clusterSeconds = Math.addExact(clusterSeconds, billed);
    return billed;
  }

  /** Returns the billed cluster-seconds. */
  public long clusterSeconds() {
    return clusterSeconds;
  }

  /** Bills the metered clusters, all as other. */
  public Cost cost() {
    return Cost.ofOther(Money.perHour(clusterSeconds, perClusterHour));
  }
}
