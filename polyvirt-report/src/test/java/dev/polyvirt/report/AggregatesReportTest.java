package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-app and per-trigger totals of a function: "*" workload in the console, JSON and HTML; absent otherwise. */
class AggregatesReportTest {
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
          candidates: [faas]
          models:
            faas: {keepAlive: [aws, hybrid]}
      """;

  private static Plan plan() throws Exception {
    return new Planner(2, s -> {}).plan(BoundPortfolio.parse("agg.yaml", SPEC, Path.of("..", "examples")), Set.of());
  }

  @Test
  void everyReportCarriesTheTotalsAfterTheWorkloads() throws Exception {
    // The JSON's "aggregates" holds one group with its apps, triggers and one spread per policy; the console and HTML show the same tables.
    Plan plan = plan();
    int apps = plan.aggregates().groups().get(0).apps().size();
    JsonNode root = JsonMapper.builder().build().readTree(JsonReport.render(plan));
    JsonNode g = root.get("aggregates").get(0);
    assertThat(g.get("workload").asString()).isEqualTo("day");
    assertThat(g.get("apps").size()).isEqualTo(apps);
    assertThat(g.get("triggers").get(0).get("trigger").asString()).isEqualTo("unknown");
    assertThat(g.get("coldStartsAcrossApps").size()).isEqualTo(2);
    assertThat(g.get("coldStartsAcrossApps").get(1).get("coldStartRate").has("p75")).isTrue();
    String console = new ConsoleTable(false).render(plan);
    assertThat(console).contains("day — " + (plan.workloads().size()) + " functions of " + apps + " apps, added up",
        "  per app\n", "  per trigger\n", "cold-start rate across apps");
    assertThat(console.indexOf("added up")).isGreaterThan(console.lastIndexOf("recommended:"));
    assertThat(HtmlReport.render(plan)).contains("<section id=\"a-day\">", "<h3>per trigger</h3>");
  }

  @Test
  void aPlanWithoutTraceExpansionHasNoAggregatesKeyOrSection() {
    // SPEC.md §3 output stays as it was when no workload uses function: "*".
    Plan plan = Plans.plan();
    assertThat(JsonReport.render(plan)).doesNotContain("\"aggregates\"");
    assertThat(new ConsoleTable(false).render(plan)).doesNotContain("added up");
  }
}
