package dev.polyvirt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * report.html's Pareto chart (TCO per month against p99) in a real browser: however close two
 * models' points are, no two model labels overlap, each stays near its point and inside the chart,
 * and the placement does not change on reload. The page is a real report whose chart data is set to
 * hard cases: examples/portfolio.yaml's catalog-api figures (container and FaaS 70 $ and 9 % apart,
 * whose labels overlapped), three models on one exact point, and five models within 1 % of each other.
 */
class ParetoLabelsBrowserTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: pareto
      seed: 5
      horizon: 1h
      workloads:
        - name: near
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 200ms}}, cpu: 250m, memory: 256Mi}
          candidates: [vm, container, faas, serverless-container, microvm]
        - name: same
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 200ms}}, cpu: 250m, memory: 256Mi}
          candidates: [vm, container, faas, serverless-container, microvm]
        - name: cluster
          runtime: python
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {exponential: {mean: 200ms}}, cpu: 250m, memory: 256Mi}
          candidates: [vm, container, faas, serverless-container, microvm]
      """;
  /** Per workload: model → {TCO per month, p99 ms}. "near" is catalog-api's, from a plan of examples/portfolio.yaml. */
  private static final Map<String, Map<String, double[]>> CASES = Map.of(
      "near", Map.of("vm", new double[] {902.65, 433.2}, "container", new double[] {430.46, 439.0},
          "faas", new double[] {500.39, 400.6}, "serverless-container", new double[] {576.84, 697.3}, "microvm", new double[] {3375.5, 452.1}),
      "same", Map.of("vm", new double[] {500, 400}, "container", new double[] {500, 400}, "faas", new double[] {500, 400},
          "serverless-container", new double[] {700, 900}, "microvm", new double[] {3000, 450}),
      "cluster", Map.of("vm", new double[] {500, 400}, "container", new double[] {502, 401}, "faas", new double[] {498, 402},
          "serverless-container", new double[] {501, 398}, "microvm", new double[] {499, 403}));

  @TempDir static Path dir;
  @TempDir static Path profile;
  static WebDriver browser;
  static Path page;

  @BeforeAll
  static void start() throws Exception {
    Plan plan = new Planner(2, s -> {}).plan(BoundPortfolio.parse("pareto.yaml", SPEC, dir), Set.of());
    String html = HtmlReport.render(plan);
    String open = "<script type=\"application/json\" id=\"polyvirt-data\">";
    int from = html.indexOf(open) + open.length();
    int to = html.indexOf("</script>", from);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode data = json.readTree(html.substring(from, to));
    for (JsonNode w : data.get("workloads")) {
      Map<String, double[]> figures = CASES.get(w.get("name").stringValue());
      assertThat(w.get("models")).hasSize(5);
      for (JsonNode m : w.get("models")) {
        double[] f = figures.get(m.get("model").stringValue());
        ((ObjectNode) m).put("tcoPerMonth", f[0]).put("p99Ms", f[1]);
      }
    }
    page = dir.resolve("report.html");
    Files.writeString(page, html.substring(0, from) + json.writeValueAsString(data).replace("<", "\\u003c") + html.substring(to));
    browser = BrowserTest.chromium(profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
  }

  /** Per label of the chart: its text, its box (x, y, width, height in page pixels) and its point's pixel. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> labels(String workload) {
    return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
        var el = document.getElementById(arguments[0]), c = echarts.getInstanceByDom(el), box = el.getBoundingClientRect();
        var pts = c.getOption().series[1].data;
        var names = {};
        pts.forEach(function (p) { names[p.name] = p; names[p.name + ' ★'] = p; });
        return Array.from(el.querySelectorAll('text')).filter(function (t) { return names[t.textContent]; }).map(function (t) {
          var r = t.getBoundingClientRect(), px = c.convertToPixel({seriesIndex: 1}, names[t.textContent].value);
          return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height, px: box.x + px[0], py: box.y + px[1],
            left: box.x, top: box.y, right: box.right, bottom: box.bottom};
        });""", "w-" + workload + "-pareto");
  }

  static double d(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung browser, not a speed check
  void noTwoParetoLabelsOverlapAndEachStaysNearItsPoint() {
    for (int width : new int[] {1280, 700}) {
      browser.manage().window().setSize(new Dimension(width, 1000));
      browser.get(page.toUri().toString());
      for (String w : List.of("near", "same", "cluster")) {
        List<Map<String, Object>> labels = labels(w);
        assertThat(labels).as(w).hasSize(5);
        for (int i = 0; i < labels.size(); i++) {
          Map<String, Object> a = labels.get(i);
          assertThat(d(a, "w")).isPositive();
          // inside the chart, and within a few label heights of its own point
          assertThat(d(a, "x")).as(w + " " + a).isGreaterThanOrEqualTo(d(a, "left"));
          assertThat(d(a, "x") + d(a, "w")).as(w + " " + a).isLessThanOrEqualTo(d(a, "right"));
          assertThat(d(a, "y")).as(w + " " + a).isGreaterThanOrEqualTo(d(a, "top"));
          assertThat(d(a, "y") + d(a, "h")).as(w + " " + a).isLessThanOrEqualTo(d(a, "bottom"));
          double dx = Math.max(0, Math.max(d(a, "x") - d(a, "px"), d(a, "px") - d(a, "x") - d(a, "w")));
          double dy = Math.max(0, Math.max(d(a, "y") - d(a, "py"), d(a, "py") - d(a, "y") - d(a, "h")));
          assertThat(Math.hypot(dx, dy)).as(w + " " + a).isLessThan(6 * d(a, "h"));
          for (int j = i + 1; j < labels.size(); j++) {
            Map<String, Object> b = labels.get(j);
            boolean overlap = d(a, "x") < d(b, "x") + d(b, "w") && d(b, "x") < d(a, "x") + d(a, "w")
                && d(a, "y") < d(b, "y") + d(b, "h") && d(b, "y") < d(a, "y") + d(a, "h");
            assertThat(overlap).as(w + " at " + width + " px: " + a + " and " + b).isFalse();
          }
        }
      }
      // the same page lays its labels out the same way every time
      List<Map<String, Object>> before = labels("same");
      browser.navigate().refresh();
      assertThat(labels("same")).isEqualTo(before);
    }
  }
}
