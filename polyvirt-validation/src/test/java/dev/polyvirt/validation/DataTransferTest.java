package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.tco.Tco;
import dev.polyvirt.pricing.DataTransferPrices;
import dev.polyvirt.pricing.PriceBooks;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data transfer in the planner's TCO against the providers' egress tables in closed form. Outside
 * sources: AWS EC2 on-demand pricing, "Data Transfer" (out to the internet: first 100 GB a month
 * free, $0.09/GB to 10 TB, $0.085 the next 40 TB, $0.07 the next 100 TB, $0.05 beyond 150 TB;
 * $0.01/GB each way between Availability Zones), Azure bandwidth pricing (100 GB free, $0.087/GB to
 * 10 TB, then $0.083 to 50 TB) and Google Cloud Premium Tier internet egress ($0.12/GB to 1 TB,
 * $0.11 to 10 TB, $0.08 beyond); 1 TB = 1,024 GB.
 */
class DataTransferTest {

  /** Each GB is priced at the rate of the band it falls in: 15 TB on AWS = 0 × 100 + 0.09 × 10,140 + 0.085 × 5,120 = $1,347.80. */
  @ParameterizedTest(name = "{0}: {1} GB a month -> ${2}")
  @CsvSource({
      "aws-us-east-1, 50, 0",
      "aws-us-east-1, 100, 0",
      "aws-us-east-1, 1100, 90",                // 1,000 GB over the free 100 at $0.09
      "aws-us-east-1, 15360, 1347.80",          // 15 TB
      "aws-us-east-1, 204800, 14122.20",        // 200 TB: 912.60 + 3,481.60 + 7,168 + 2,560
      "azure-eastus, 15360, 1307.14",           // 0.087 × 10,140 + 0.083 × 5,120
      "gcp-us-central1, 15360, 1546.24"})       // 0.12 × 1,024 + 0.11 × 9,216 + 0.08 × 5,120
  void internetEgressFollowsTheMonthlyTiers(String book, long gb, String usd) {
    assertThat(prices(book).internetPerMonth(BigDecimal.valueOf(gb))).isEqualByComparingTo(new BigDecimal(usd));
  }

  /** Crossing zones costs AWS $0.01 out + $0.01 in per GB, Google $0.01 at the sender, Azure nothing. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"aws-us-east-1, 0.02", "gcp-us-central1, 0.01", "azure-eastus, 0"})
  void crossZoneTrafficIsPricedPerGb(String book, String perGb) {
    assertThat(prices(book).crossZonePerMonth(BigDecimal.valueOf(1000))).isEqualByComparingTo(new BigDecimal(perGb).multiply(BigDecimal.valueOf(1000)));
  }

  /**
   * A planned workload's TCO carries its egress: completed requests × response size, scaled to 730 h,
   * over AWS's tiers; two VM replicas add their cross-zone share, FaaS (zones inside Lambda) adds none.
   */
  @Test
  void plannedTcoCarriesEgressFromTheSimulatedRequests() {
    WorkloadPlan w = plan("    dataTransfer: {responseSize: 1Mi, requestSize: 64Ki, internetShare: 0.5, crossZoneShare: 0.25}\n");
    double perMonth = 730.0 / 2; // horizon 2h
    for (String model : new String[] {"vm", "faas"}) {
      ModelResult.Figures f = result(w, model).figures().orElseThrow();
      double responses = f.completed() * perMonth;
      double internetGb = responses * (1 << 20) * 0.5 / (1L << 30);
      double crossGb = model.equals("vm") ? responses * ((1 << 20) + (64 << 10)) * 0.25 / (1L << 30) : 0;
      double usd = Math.max(0, Math.min(internetGb, 10_240) - 100) * 0.09 + Math.max(0, internetGb - 10_240) * 0.085 + crossGb * 0.02;
      Tco t = w.assessment().tcoOf(model).orElseThrow();
      assertThat(t.dataTransfer().internetGbPerMonth()).isCloseTo(internetGb, within(1e-6));
      assertThat(t.dataTransfer().crossZoneGbPerMonth()).isCloseTo(crossGb, within(1e-6));
      assertThat(t.dataTransferUsdPerMonth()).isCloseTo(usd, within(1e-6));
      assertThat(t.threeYearOnDemandUsd()).isCloseTo(36 * (t.onDemandUsdPerMonth() + t.opsUsdPerMonth() + usd), within(1e-6));
      Scorecard card = w.assessment().scorecards().stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow();
      assertThat(card.criteria().dataTransferUsdPerMonth()).isCloseTo(usd, within(1e-9));
    }
    assertThat(w.assessment().tcoOf("vm").orElseThrow().dataTransferUsdPerMonth()).isPositive();
  }

  /** Without dataTransfer the TCO is what it was: no data transfer line, three years of bill and labour only. */
  @Test
  void workloadWithoutDataTransferKeepsItsTco() {
    WorkloadPlan w = plan("");
    for (Tco t : w.assessment().tco()) {
      assertThat(t.dataTransferUsdPerMonth()).isZero();
      assertThat(t.dataTransfer().note()).isEmpty();
      assertThat(t.threeYearOnDemandUsd()).isEqualTo(36 * (t.onDemandUsdPerMonth() + t.opsUsdPerMonth()));
    }
    for (Scorecard c : w.assessment().scorecards()) {
      assertThat(c.criteria().tcoUsdPerMonth()).isEqualTo(c.criteria().infraUsdPerMonth() + c.criteria().opsUsdPerMonth()
          + c.criteria().frontDoorUsdPerMonth());
    }
  }

  private static DataTransferPrices prices(String book) {
    return PriceBooks.bundled().stream().filter(b -> b.id().equals(book)).findFirst().orElseThrow().dataTransfer().orElseThrow();
  }

  private static ModelResult result(WorkloadPlan w, String model) {
    return w.results().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
  }

  private static WorkloadPlan plan(String dataTransfer) {
    Plan p = Sims.plan("""
        apiVersion: polyvirt/v1
        kind: Portfolio
        name: egress
        seed: 3
        horizon: 2h
        workloads:
          - name: api
            runtime: python
            traffic: {poisson: {ratePerSecond: 20}}
            request: {duration: {exponential: {mean: 50ms}}, cpu: 250m, memory: 256Mi}
            candidates: [vm, faas]
            models:
              vm: {instanceType: m5.large, count: 2}
        %s""".formatted(dataTransfer), 1, Set.of());
    return p.workloads().get(0);
  }
}
