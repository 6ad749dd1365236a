package dev.polyvirt.planner.score;

import dev.polyvirt.models.ModelResult;

/**
 * One simulated placement measured on every criterion of the weighted choice.
 *
 * @param infraUsdPerMonth the simulated bill scaled to a month (SPEC.md §3 {@code costUsdPerMonth})
 * @param opsHoursPerMonth engineer-hours to operate it ({@link OpsEffort})
 * @param opsUsdPerMonth those hours at the planner's labour rate
 * @param availability expected share of time and requests served ({@link ModelTraits#availability})
 * @param isolation the boundary the model offers
 * @param portability 0 (locked in) to 1 ({@link ModelTraits#portability})
 * @param frontDoorUsdPerMonth what reaching it from the internet costs: an API gateway in front of a
 *     function, a load balancer in front of instances ({@code requirements.exposure: public-http};
 *     {@link dev.polyvirt.planner.patterns.FrontDoor})
 * @param dataTransferUsdPerMonth internet egress and cross-zone traffic of its responses
 *     ({@code dataTransfer:} of the workload; {@link dev.polyvirt.planner.tco.DataTransferBill})
 */
public record Criteria(String model, double infraUsdPerMonth, double opsHoursPerMonth, double opsUsdPerMonth,
    double p99Ms, double coldStartRate, double availability, String isolation, double portability, double frontDoorUsdPerMonth,
    double dataTransferUsdPerMonth) {
  /** Creates criteria of a placement that moves no priced data. */
  public Criteria(String model, double infraUsdPerMonth, double opsHoursPerMonth, double opsUsdPerMonth,
      double p99Ms, double coldStartRate, double availability, String isolation, double portability, double frontDoorUsdPerMonth) {
    this(model, infraUsdPerMonth, opsHoursPerMonth, opsUsdPerMonth, p99Ms, coldStartRate, availability, isolation, portability,
        frontDoorUsdPerMonth, 0);
  }

  /** Creates criteria of an internal placement (no front door). */
  public Criteria(String model, double infraUsdPerMonth, double opsHoursPerMonth, double opsUsdPerMonth,
      double p99Ms, double coldStartRate, double availability, String isolation, double portability) {
    this(model, infraUsdPerMonth, opsHoursPerMonth, opsUsdPerMonth, p99Ms, coldStartRate, availability, isolation, portability, 0);
  }

  /** Returns these criteria with {@code usd} a month of front door added to the cost. */
  public Criteria withFrontDoor(double usd) {
    return new Criteria(model, infraUsdPerMonth, opsHoursPerMonth, opsUsdPerMonth, p99Ms, coldStartRate, availability, isolation,
        portability, usd, dataTransferUsdPerMonth);
  }

  /** Returns these criteria with {@code usd} a month of data transfer added to the cost. */
  public Criteria withDataTransfer(double usd) {
    return new Criteria(model, infraUsdPerMonth, opsHoursPerMonth, opsUsdPerMonth, p99Ms, coldStartRate, availability, isolation,
        portability, frontDoorUsdPerMonth, usd);
  }

  /** Measures {@code r} (a feasible result) for a workload sharing its cluster with {@code clusterTenants} others. */
  public static Criteria of(ModelResult r, PlannerSettings s, int clusterTenants, boolean stateful) {
    ModelResult.Figures f = r.figures().orElseThrow();
    // microVM pods: their node group is patched per node (avgNodes, a metric of the microvm model), not per pod
    double nodes = r.metrics().getOrDefault("avgNodes", f.avgInstances());
    double hours = s.ops().hours(r.model(), f.avgInstances(), nodes, clusterTenants, stateful);
    double served = f.requests() == 0 ? 1 : f.completed() / (double) f.requests();
    return new Criteria(r.model(), f.costUsdPerMonth(), hours, hours * s.opsRatePerHour(), f.latencyMs().p99(), f.coldStartRate(),
        ModelTraits.availability(r.model(), f.peakInstances(), served), ModelTraits.isolation(r.model()), ModelTraits.portability(r.model()));
  }

  /** Returns the total cost of ownership per month: the bill plus operations labour plus the front door plus data transfer. */
  public double tcoUsdPerMonth() {
    return infraUsdPerMonth + opsUsdPerMonth + frontDoorUsdPerMonth + dataTransferUsdPerMonth;
  }
}
