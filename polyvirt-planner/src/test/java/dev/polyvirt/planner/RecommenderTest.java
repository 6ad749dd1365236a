package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.spec.SpecException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recommendation rule, on hand-made results: cheapest among the models that serve and meet the p99 target. */
class RecommenderTest {

  private static BoundWorkload workload(String requirements) {
    try {
      return BoundPortfolio.parse("r.yaml", """
          apiVersion: polyvirt/v1
          kind: Portfolio
          name: r
          horizon: 1h
          workloads:
            - name: w
              runtime: python
              traffic: {poisson: {ratePerSecond: 1}}
              request: {duration: 100ms}
              requirements: %s
          """.formatted(requirements), Path.of(".")).workloads().get(0);
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static BoundWorkload withTarget() {
    return workload("{latencyP99: 500ms}");
  }

  private static ModelResult result(String model, double costPerMonth, double p99Ms, long requests, long failed, long throttled) {
    BigDecimal cost = BigDecimal.valueOf(costPerMonth / 730);
    ModelResult.Figures f = new ModelResult.Figures(requests, requests - failed - throttled, failed, throttled, 0, 0,
        new ModelResult.Latency(p99Ms / 3, p99Ms / 4, p99Ms * 0.9, p99Ms, p99Ms * 1.5), 2.0, 3, 0.4,
        new ModelResult.CostUsd(cost, cost, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), costPerMonth, 0.1, 0.04);
    return ModelResult.of(model, f, List.of());
  }

  private static ModelResult result(String model, double costPerMonth, double p99Ms) {
    return result(model, costPerMonth, p99Ms, 1000, 0, 0);
  }

  @Test
  void cheapestModelMeetingTheTargetWins() {
    // Among feasible models that meet latencyP99, the one with the lowest cost per month is recommended.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        result("vm", 5, 900), result("container", 20, 50), result("faas", 10, 100)));
    assertThat(rec.model()).contains("faas");
  }

  @Test
  void rationaleQuotesTheCostAndP99Figures() {
    // The rationale states the winner's cost per month and p99, the alternatives' costs, and why the cheaper one lost.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        result("vm", 5, 900), result("container", 20, 50), result("faas", 10, 100)));
    String all = String.join("\n", rec.rationale());
    assertThat(rec.rationale().get(0)).isEqualTo("faas: $10.00/month vs $20.00 for container");
    assertThat(rec.rationale().get(1)).startsWith("p99 100 ms meets the 500ms target");
    assertThat(all).contains("vm misses the p99 target: 900 ms > 500ms");
  }

  @Test
  void whenNoneMeetsTheTargetTheLowestP99WinsAndTheRationaleSaysSo() {
    // If no model meets latencyP99, the one with the lowest p99 is recommended and the rationale says none meets the target.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        result("vm", 5, 900), result("container", 50, 600), result("faas", 10, 700)));
    assertThat(rec.model()).contains("container");
    assertThat(rec.rationale().get(0)).startsWith("no feasible model meets the p99 target of 500ms")
        .contains("container has the lowest p99, 600 ms").contains("$50.00/month");
  }

  @ParameterizedTest(name = "{0} failed + {1} throttled of 1000 -> vm chosen: {2}")
  @CsvSource({"2, 0, false", "0, 2, false", "1, 1, false", "1, 0, true", "0, 1, true", "0, 0, true"})
  void aModelLosingMoreThanATenthOfAPercentIsNotChosen(long failed, long throttled, boolean vmChosen) {
    // A model that fails or throttles more than 0.1 % of requests is passed over however cheap; at exactly 0.1 % it still counts.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        result("vm", 1, 10, 1000, failed, throttled), result("faas", 10, 100)));
    assertThat(rec.model()).contains(vmChosen ? "vm" : "faas");
    if (!vmChosen) {
      assertThat(rec.rationale()).anySatisfy(s -> assertThat(s).startsWith("vm leaves 0.20 % of requests unserved"));
    }
  }

  @Test
  void aModelThatLeavesRequestsUnservedIsNotChosen() {
    // A model whose completed requests fall short of those offered by more than 0.1 % is passed over, even when the shortfall is not counted as failed or throttled.
    ModelResult.Figures silent = new ModelResult.Figures(1000, 0, 0, 0, 0, 0, new ModelResult.Latency(0, 0, 0, 0, 0), 0.2, 1, 0,
        new ModelResult.CostUsd(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), 730, 0, 0);
    Recommendation rec = Recommender.recommend(withTarget(), List.of(ModelResult.of("vm", silent, List.of()), result("faas", 1000, 100)));
    assertThat(rec.model()).contains("faas");
  }

  @Test
  void withoutATargetTheCheapestServingModelWins() {
    // Without latencyP99 every serving model qualifies and the cheapest is chosen, the rationale noting no target was set.
    Recommendation rec = Recommender.recommend(workload("{}"), List.of(result("vm", 5, 9000), result("faas", 10, 100)));
    assertThat(rec.model()).contains("vm");
    assertThat(rec.rationale()).anySatisfy(s -> assertThat(s).contains("(no latency target set)"));
  }

  @Test
  void allInfeasibleGivesNoModelAndTheReasons() {
    // When no candidate can host the workload, the recommendation is empty and the rationale lists each model's reasons.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        ModelResult.infeasible("vm", List.of("no instance type has 2 GPU(s)")),
        ModelResult.infeasible("faas", List.of("FaaS offers no GPU", "stateful workloads do not fit FaaS")),
        ModelResult.infeasible("wasm", List.of("not modelled in this version"))));
    assertThat(rec.model()).isEmpty();
    assertThat(rec.rationale()).singleElement().asString()
        .startsWith("no candidate model can host this workload")
        .contains("vm (no instance type has 2 GPU(s))")
        .contains("faas (FaaS offers no GPU, stateful workloads do not fit FaaS)");
  }

  @Test
  void infeasibleModelsAreRuledOutWithTheirReasonsButNotModelledOnesAreNotMentioned() {
    // Beside the winner, an infeasible model's reasons are quoted; a merely not-modelled one is left out of the rationale.
    Recommendation rec = Recommender.recommend(withTarget(), List.of(
        ModelResult.infeasible("container", List.of("os: legacy needs re-engineering")), result("faas", 10, 100),
        ModelResult.infeasible("edge", List.of("not modelled in this version"))));
    assertThat(rec.model()).contains("faas");
    assertThat(rec.rationale()).anySatisfy(s -> assertThat(s).isEqualTo("container is ruled out: os: legacy needs re-engineering"));
    assertThat(String.join("\n", rec.rationale())).doesNotContain("edge");
  }
}
