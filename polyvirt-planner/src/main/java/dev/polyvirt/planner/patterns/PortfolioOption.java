package dev.polyvirt.planner.patterns;

import java.util.Map;

/**
 * One portfolio-level option (seed 002 §6.3): where each workload runs and what the whole
 * portfolio then costs a month.
 *
 * @param name a short name, e.g. {@code vm-as-platform}
 * @param description what the option does, in a sentence
 * @param placements workload name → model, in spec order (workloads no model can host are left out)
 * @param computeUsdPerMonth the placements' total cost of ownership (bills and operations labour),
 *     with one Kubernetes control plane and its operations counted once when any workload runs on it
 * @param frontDoorUsdPerMonth API gateways and load balancers in front of the public workloads
 * @param eventBusUsdPerMonth events published to the event bus
 * @param score the weighted score: cost against the cheapest option, the other criteria as the
 *     placements' mean scores (0–1, 1 = best)
 * @param dataTransferUsdPerMonth the workloads' internet egress, priced once over the account's
 *     monthly tiers (the first free GB and the cheaper tiers are shared by the portfolio), plus
 *     cross-zone traffic
 */
public record PortfolioOption(String name, String description, Map<String, String> placements, double computeUsdPerMonth,
    double frontDoorUsdPerMonth, double eventBusUsdPerMonth, double score, double dataTransferUsdPerMonth) {
  public PortfolioOption {
    placements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(placements));
  }

  /** Creates an option that moves no priced data (the shape before data transfer). */
  public PortfolioOption(String name, String description, Map<String, String> placements, double computeUsdPerMonth,
      double frontDoorUsdPerMonth, double eventBusUsdPerMonth, double score) {
    this(name, description, placements, computeUsdPerMonth, frontDoorUsdPerMonth, eventBusUsdPerMonth, score, 0);
  }

  /** Returns the monthly total. */
  public double totalUsdPerMonth() {
    return computeUsdPerMonth + frontDoorUsdPerMonth + eventBusUsdPerMonth + dataTransferUsdPerMonth;
  }

  /** Returns this option with {@code s} as its score. */
  PortfolioOption scored(double s) {
    return new PortfolioOption(name, description, placements, computeUsdPerMonth, frontDoorUsdPerMonth, eventBusUsdPerMonth, s,
        dataTransferUsdPerMonth);
  }
}
