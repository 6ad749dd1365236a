package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** report.html: one self-contained page that escapes what it quotes and carries the data of every chart it draws. */
class HtmlReportTest {
  private static final String[] CHARTS = {"cost", "cdf", "pareto", "instances", "cold", "util"};
  private static Plan plan;
  private static String html;
  private static JsonNode data;

  @BeforeAll
  static void render() {
    plan = Plans.plan();
    html = HtmlReport.render(plan);
    data = Pages.data(html);
  }

  @Test
  void pageIsSelfContained() {
    // The page loads nothing from the network: ECharts and the page's script are inlined, no external script, stylesheet or image.
    Pages.assertSelfContained(html);
    assertThat(html).contains("Apache ECharts " + ChartLibrary.VERSION, "echarts.init(");
  }

  @Test
  void pageIsOneWholeDocument() {
    // The output is a single HTML document: one doctype, one html/head/body, closed at the end (the inlined
    // library's own strings, inside its script element, do not count; it holds no "</script").
    assertThat(html).startsWith("<!doctype html>");
    assertThat(html).endsWith("</html>\n");
    assertThat(ChartLibrary.script().toLowerCase(java.util.Locale.ROOT)).doesNotContain("</script");
    String page = html.replace(ChartLibrary.script(), "");
    for (String tag : new String[] {"<html", "<head>", "<body>", "</body>", "</html>"}) {
      assertThat(page.split(tag, -1)).as(tag).hasSize(2);
    }
    assertThat(html).contains("<section id=\"w-api\">", "<section id=\"w-batch.job_2\">", "@media print");
  }

  @Test
  void verdictComesBeforeTheCharts() {
    // Per workload the reader sees the recommendation and its reasons first, then the table, then the charts.
    int section = html.indexOf("<section id=\"w-api\">");
    int verdict = html.indexOf("Recommended: ", section);
    int table = html.indexOf("<table>", section);
    int chart = html.indexOf("id=\"w-api-cost\"", section);
    assertThat(section).isLessThan(verdict);
    assertThat(verdict).isLessThan(table);
    assertThat(table).isLessThan(chart);
  }

  @Test
  void everyChartHasItsPlaceAndItsData() {
    // Each workload has a place for each chart, and the embedded data holds what each draws, equal to the results.
    assertThat(data.get("workloads")).hasSize(plan.workloads().size());
    for (int i = 0; i < plan.workloads().size(); i++) {
      WorkloadPlan w = plan.workloads().get(i);
      JsonNode wn = data.get("workloads").get(i);
      String id = wn.get("id").stringValue();
      for (String c : CHARTS) assertThat(html).contains("<div class=\"chart\" id=\"" + id + "-" + c + "\">");
      List<ModelResult> simulated = w.results().stream().filter(r -> r.figures().isPresent()).toList();
      assertThat(wn.get("models")).hasSize(simulated.size());
      for (int k = 0; k < simulated.size(); k++) {
        ModelResult r = simulated.get(k);
        ModelResult.Figures f = r.figures().orElseThrow();
        JsonNode m = wn.get("models").get(k);
        assertThat(m.get("model").stringValue()).isEqualTo(r.model());
        // cost: the four parts add up to the monthly total
        JsonNode cost = m.get("costPerMonth");
        assertThat(cost.get("total").doubleValue()).isEqualTo(f.costUsdPerMonth());
        double parts = cost.get("compute").doubleValue() + cost.get("requests").doubleValue() + cost.get("idle").doubleValue()
            + cost.get("other").doubleValue();
        assertThat(parts).isCloseTo(f.costUsdPerMonth(), within(1e-5));
        // latency CDF: from 0 to 1, ending at the maximum
        JsonNode cdf = m.get("latencyCdf");
        assertThat(cdf.get("fraction")).hasSize(r.latencyCdf().size());
        assertThat(cdf.get("fraction").get(0).doubleValue()).isZero();
        assertThat(cdf.get("ms").get(cdf.get("ms").size() - 1).doubleValue()).isEqualTo(f.latencyMs().max());
        // pareto: cost against p99
        assertThat(m.get("p99Ms").doubleValue()).isEqualTo(f.latencyMs().p99());
        // time series: arrivals add up to the requests, instance means to avgInstances
        JsonNode s = m.get("series");
        assertThat(s.get("buckets").intValue()).isEqualTo(200);
        assertThat(s.get("arrivals").valueStream().mapToLong(JsonNode::longValue).sum()).isEqualTo(f.requests());
        assertThat(s.get("coldStarts").valueStream().mapToLong(JsonNode::longValue).sum()).isEqualTo(f.coldStarts());
        assertThat(s.get("instances").valueStream().mapToDouble(JsonNode::doubleValue).average().orElseThrow())
            .isCloseTo(f.avgInstances(), within(1e-3));
        assertThat(s.get("utilization")).hasSize(200);
      }
    }
    JsonNode api = data.get("workloads").get(0);
    assertThat(api.get("p99TargetMs").doubleValue()).isEqualTo(2000.0);
    assertThat(api.get("chosen").stringValue()).isEqualTo(plan.workloads().get(0).recommendation().model().orElseThrow());
  }

  @Test
  void breakEvenChartDrawsTheSearchsOwnSteps() {
    // Each workload whose break-even was searched gets the chart, and its points are the search's steps, in order:
    // the rate, FaaS's bill and the cheapest always-on model's bill of every simulated multiplier; plus the
    // workload's own mean rate and the break-even found. Workloads without a search get neither.
    int drawn = 0;
    for (int i = 0; i < plan.workloads().size(); i++) {
      WorkloadPlan w = plan.workloads().get(i);
      JsonNode wn = data.get("workloads").get(i);
      String place = "<div class=\"chart\" id=\"" + wn.get("id").stringValue() + "-breakeven\">";
      var found = w.assessment().breakEven();
      if (found.isEmpty()) {
        assertThat(wn.has("breakEven")).isFalse();
        assertThat(html).doesNotContain(place);
        continue;
      }
      drawn++;
      var b = found.get();
      assertThat(html).contains(place);
      // the planner's break-even sentence is read under the chart
      if (!w.assessment().whatWouldFlip().isEmpty()) {
        assertThat(html).contains(place + "</div><p class=\"flip\">" + HtmlReport.esc(w.assessment().whatWouldFlip().get(0)) + "</p></figure>");
      }
      JsonNode bn = wn.get("breakEven");
      assertThat(b.steps()).isNotEmpty();
      assertThat(bn.get("rate")).hasSize(b.steps().size());
      for (int k = 0; k < b.steps().size(); k++) {
        var s = b.steps().get(k);
        assertThat(bn.get("rate").get(k).doubleValue()).isEqualTo(s.ratePerSecond());
        assertThat(bn.get("faas").get(k).doubleValue()).isEqualTo(s.faasUsdPerMonth());
        assertThat(bn.get("alwaysOn").get(k).doubleValue()).isEqualTo(s.alwaysOnUsdPerMonth());
        assertThat(bn.get("alwaysOnModel").get(k).stringValue()).isEqualTo(s.alwaysOn());
      }
      assertThat(bn.get("ratePerSecond").doubleValue()).isEqualTo(b.ratePerSecond());
      assertThat(bn.get("found").booleanValue()).isEqualTo(b.found());
      assertThat(bn.get("currentRate").doubleValue())
          .isEqualTo(w.workload().traffic().meanRatePerSecond(w.workload().horizonNanos()));
      assertThat(bn.get("currentRate").doubleValue() * b.multiplier()).isCloseTo(b.ratePerSecond(), within(1e-9 * b.ratePerSecond()));
      // "this run": the plan's own FaaS bill and its cheapest always-on bill, at the current rate
      double faasNow = w.results().stream().filter(r -> r.model().equals("faas")).findFirst().orElseThrow().figures().orElseThrow()
          .costUsdPerMonth();
      assertThat(bn.get("now").get("faas").doubleValue()).isEqualTo(faasNow);
      double onNow = w.results().stream().filter(r -> List.of("vm", "container").contains(r.model()) && r.figures().isPresent())
          .mapToDouble(r -> r.figures().get().costUsdPerMonth()).min().orElseThrow();
      assertThat(bn.get("now").get("alwaysOn").doubleValue()).isEqualTo(onNow);
    }
    assertThat(drawn).as("the test plan searches at least one break-even").isPositive();
  }

  @Test
  void paretoFlagsTheModelsNoOtherBeatsOnTotalCostAndP99() {
    // A model is on the front unless another is no dearer (TCO: bill + operations) and no slower and better on one;
    // the cheapest is always on it. The flags are the planner's own (its scorecards), drawn as they are.
    for (JsonNode w : data.get("workloads")) {
      List<JsonNode> models = w.get("models").valueStream().toList();
      for (JsonNode m : models) {
        assertThat(m.get("tcoPerMonth").doubleValue()).as("TCO includes the bill").isGreaterThanOrEqualTo(m.get("costPerMonth").get("total").doubleValue() - 1e-9);
        boolean dominated = models.stream().anyMatch(o -> o != m
            && o.get("tcoPerMonth").doubleValue() <= m.get("tcoPerMonth").doubleValue()
            && o.get("p99Ms").doubleValue() <= m.get("p99Ms").doubleValue()
            && (o.get("tcoPerMonth").doubleValue() < m.get("tcoPerMonth").doubleValue()
                || o.get("p99Ms").doubleValue() < m.get("p99Ms").doubleValue()));
        assertThat(m.get("pareto").booleanValue()).as(m.get("model").stringValue()).isEqualTo(!dominated);
      }
      models.stream().min(java.util.Comparator.comparingDouble(m -> m.get("tcoPerMonth").doubleValue()))
          .ifPresent(cheapest -> assertThat(cheapest.get("pareto").booleanValue()).isTrue());
    }
  }

  @Test
  void namesAndReasonsAreEscaped() {
    // Text from the spec (portfolio name, settings quoted in reasons) appears HTML-escaped, never as markup.
    assertThat(html).contains("&lt;shop&gt; &amp; &quot;co&quot;").doesNotContain(Plans.NAME);
    assertThat(html).contains("&lt;b&gt;m9&lt;/b&gt;").doesNotContain("<b>m9</b>");
    assertThat(HtmlReport.esc("a<b>&\"c\"")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;");
  }

  @Test
  void everyResultIsShown() {
    // Every model of every workload appears in the table: simulated and infeasible ones in their own rows, unmodelled ones at least by name.
    assertThat(html).contains("<td>vm</td><td colspan=\"8\" class=\"reason\">infeasible: ");
    for (String model : new String[] {"container", "faas"}) assertThat(html).containsPattern("<tr[^>]*><td>" + model + "</td><td>\\$");
    assertThat(html).containsPattern("not modelled in this version[^<]*unikernel");
  }
}
