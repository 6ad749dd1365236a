package dev.polyvirt.results;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.util.Set;

/** A small plan for the results tests, simulated once: a feasible, an infeasible and a FaaS result. */
final class TinyPlans {
  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: tiny
      seed: 7
      horizon: 1h
      workloads:
        - name: api
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 200ms}}, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 2s}
          candidates: [vm, faas, microvm]
        - name: nightly
          runtime: java
          traffic: {schedule: {cron: "*/10 * * * *", requestsPerFiring: 3}}
          request: {duration: 20s, cpu: 1, memory: 512Mi}
          candidates: [faas, container]
      """;

  static final RunSource SOURCE = new RunSource("tiny.yaml", SPEC, "1.0.0");

  private static Plan plan;

  private TinyPlans() {}

  /** Returns the plan of {@link #SPEC}. */
  static synchronized Plan plan() {
    if (plan == null) {
      try {
        plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("tiny.yaml", SPEC, Path.of(".")), Set.of());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return plan;
  }
}
