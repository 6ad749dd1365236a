package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-app and per-trigger totals of a function: "*" trace workload, and the cold-start rate across apps. */
class AggregatesTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: agg
      seed: 1
      workloads:
        - name: day
          runtime: python
          traffic: {trace: {format: azure-functions-2021, path: traces/azure-functions-2021/Azure2021_200.csv, function: "*"}}
          request: {cpu: 100m, memory: 128Mi}
          candidates: [faas, vm]
          models:
            faas: {keepAlive: [aws, none]}
        - name: alone
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 10ms}
          candidates: [faas]
      """;

  @Test
  void appsAndTriggersAddUpTheirFunctionsAndEveryPolicyHasAnAcrossAppsSpread() throws Exception {
    // Each app's totals are the sums over its functions; "none" cold-starts every request, so every app's rate is 1; the synthetic workload is not aggregated.
    Plan plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("agg.yaml", SPEC, Path.of("..", "examples")), Set.of());
    Aggregates a = plan.aggregates();
    assertThat(a.groups()).hasSize(1);
    Aggregates.TraceGroup g = a.groups().get(0);
    assertThat(g.workload()).isEqualTo("day");
    assertThat(g.functions()).isEqualTo(plan.workloads().size() - 1);
    long requests = 0;
    long faasCold = 0;
    double vmCost = 0;
    for (WorkloadPlan w : plan.workloads().subList(0, g.functions())) {
      ModelResult faas = w.results().get(0);
      requests += faas.figures().orElseThrow().requests();
      faasCold += faas.figures().orElseThrow().coldStarts();
      vmCost += w.results().get(1).figures().orElseThrow().costUsdPerMonth();
    }
    assertThat(g.apps().stream().mapToLong(Aggregates.Totals::requests).sum()).isEqualTo(requests);
    assertThat(g.apps().stream().mapToInt(Aggregates.Totals::functions).sum()).isEqualTo(g.functions());
    assertThat(g.apps().size()).isLessThan(g.functions());
    assertThat(g.apps().stream().mapToLong(t -> t.models().get("faas").coldStarts()).sum()).isEqualTo(faasCold);
    assertThat(g.apps().stream().mapToDouble(t -> t.models().get("vm").costUsdPerMonth()).sum()).isCloseTo(vmCost, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(g.triggers()).extracting(Aggregates.Totals::key).containsExactly("unknown");
    assertThat(g.triggers().get(0).requests()).isEqualTo(requests);
    assertThat(g.coldStartsAcrossApps()).extracting(Aggregates.ColdStartSpread::policy).containsExactly("10m (aws)", "none");
    Aggregates.ColdStartSpread none = g.coldStartsAcrossApps().get(1);
    assertThat(none.apps()).isEqualTo(g.apps().size());
    assertThat(none.coldStarts()).isEqualTo(requests);
    assertThat(List.of(none.p25(), none.p50(), none.p99(), none.max())).containsOnly(1.0);
    assertThat(g.coldStartsAcrossApps().get(0).p50()).isLessThan(1.0);
  }

  @Test
  void percentilesAreNearestRank() {
    // Of 1..10: p25 is the 3rd value, p50 the 5th, p90 the 9th, p99 the 10th.
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(List.of(AggregateSums.rank(v, 25), AggregateSums.rank(v, 50), AggregateSums.rank(v, 90), AggregateSums.rank(v, 99)))
        .containsExactly(3.0, 5.0, 9.0, 10.0);
    assertThat(AggregateSums.rank(new double[0], 50)).isZero();
  }

  @Test
  void aPortfolioWithoutTraceExpansionHasNoAggregates() throws Exception {
    // Only function: "*" workloads are aggregated.
    String yaml = SPEC.substring(0, SPEC.indexOf("  - name: day")) + SPEC.substring(SPEC.indexOf("  - name: alone"));
    Plan plan = new Planner(1, s -> {}).plan(BoundPortfolio.parse("agg.yaml", yaml, Path.of("..", "examples")), Set.of());
    assertThat(plan.aggregates().isEmpty()).isTrue();
  }
}
