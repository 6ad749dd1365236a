package dev.polyvirt.report;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.util.Set;

/** A small plan for the report tests, simulated once: feasible and infeasible results, and names that need escaping. */
final class Plans {
  /** The portfolio name, with characters HTML must escape. */
  static final String NAME = "<shop> & \"co\"";
  /** A vm instance type that is not in the price book, so its infeasible reason carries markup. */
  static final String BAD_TYPE = "<b>m9</b>";

  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: '<shop> & "co"'
      seed: 5
      horizon: 1h
      workloads:
        - name: api
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 200ms}}, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 2s}
          candidates: [vm, container, faas, unikernel]
          models:
            vm: {instanceType: "<b>m9</b>"}
        - name: batch.job_2
          runtime: java
          traffic: {schedule: {cron: "*/10 * * * *", requestsPerFiring: 3}}
          request: {duration: 20s, cpu: 1, memory: 512Mi}
          candidates: [faas, container]
          models:
            faas: {keepAlive: none}
      """;

  private static Plan plan;

  private Plans() {}

  /** Returns the plan of {@link #SPEC}. */
  static synchronized Plan plan() {
    if (plan == null) {
      try {
        plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("report.yaml", SPEC, Path.of(".")), Set.of());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return plan;
  }
}
