package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.planner.tco.Tco;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * report.html's "TCO with data transfer" table: one row per scored placement of a workload with a
 * {@code dataTransfer:} section, carrying the planner's own figures; none for a workload without it.
 */
class DataTransferTableTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: egress
      seed: 11
      horizon: 1h
      priceBook: aws-us-east-1
      workloads:
        - name: images
          runtime: python
          traffic: {poisson: {ratePerSecond: 20}}
          request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 256Mi}
          dataTransfer: {responseSize: 1Mi, internetShare: 1.0}
          candidates: [vm, faas]
        - name: quiet
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 256Mi}
          candidates: [vm, faas]
      """;
  private static Plan plan;
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    plan = new Planner(1, s -> {}).plan(BoundPortfolio.parse("egress.yaml", SPEC, Path.of(".")), Set.of());
    html = HtmlReport.render(plan);
  }

  @Test
  void aWorkloadThatMovesDataGetsOneRowPerPlacementWithThePlannersFigures() {
    int table = html.indexOf("<h3>TCO with data transfer</h3>");
    assertThat(table).isNotNegative();
    assertThat(html.indexOf("<h3>TCO with data transfer</h3>", table + 1)).as("only the workload with dataTransfer").isNegative();
    String rows = html.substring(table, html.indexOf("</table>", table));
    var tcos = plan.workloads().get(0).assessment().tco();
    assertThat(tcos).isNotEmpty();
    for (Tco t : tcos) {
      // 20 req/s × 1 MiB for 730 h is about 51,000 GB a month: priced, and the same figure on every placement
      assertThat(t.dataTransfer().internetGbPerMonth()).isBetween(45_000.0, 57_000.0);
      assertThat(t.dataTransferUsdPerMonth()).isPositive();
      assertThat(rows).contains("<tr><td>" + t.model() + "</td><td>" + ConsoleTable.money(t.onDemandUsdPerMonth()) + "</td><td>"
          + ConsoleTable.money(t.dataTransferUsdPerMonth()) + "</td>");
    }
    assertThat(rows.split("<tr><td>", -1)).hasSize(tcos.size() + 1);
  }
}
