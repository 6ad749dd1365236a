package dev.polyvirt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.planner.WorkloadPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Named tables a result carries (e.g. the FaaS power-tuning curve), rendered by every reporter from their name and columns alone. */
class ResultTablesTest {
  private static final String TUNED = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: tuned
      seed: 3
      horizon: 2h
      workloads:
        - name: resize
          runtime: node
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: {lognormal: {p50: 300ms, p99: 2s}}, cpu: 1, memory: 256Mi}
          requirements: {latencyP99: 5s}
          candidates: [container, faas]
          models:
            faas: {memorySize: [128, 512, 1024, 1769, 3008], cpuBound: 0.8, powerTuning: {objective: balanced, weight: 0.5}}
      """;
  private static final List<String> CURVE = List.of("memorySize", "costUsdPerMonth", "p50Ms", "p99Ms", "coldStartRate", "avgInstances", "chosen");

  private static Plan tuned;
  private static Plan crafted;

  @BeforeAll
  static void plan() throws Exception {
    tuned = plan("tuned.yaml", TUNED);
    crafted = withTable(Plans.plan(), "container", "<odd> & \"name\"", new ModelResult.Table(List.of("<b>size</b>", "label", "value"),
        List.of(List.of(1, "<i>small</i>", 0.25), List.of(2, "big & \"bold\"", 1234.5))).withChart("value").withHighlight("<b>size</b>"));
  }

  private static Plan plan(String file, String yaml) throws Exception {
    return new Planner(2, s -> {}).plan(BoundPortfolio.parse(file, yaml, Path.of(".")), Set.of());
  }

  /** Returns {@code plan} with {@code table} added to {@code model}'s result of the first workload: a table no reporter has heard of. */
  private static Plan withTable(Plan plan, String model, String name, ModelResult.Table table) {
    List<WorkloadPlan> workloads = new ArrayList<>(plan.workloads());
    WorkloadPlan w = workloads.get(0);
    List<ModelResult> results = w.results().stream().map(r -> r.model().equals(model) ? r.withTable(name, table) : r).toList();
    workloads.set(0, new WorkloadPlan(w.workload(), results, w.recommendation()));
    return new Plan(plan.portfolio(), workloads);
  }

  private static JsonNode result(String json, String model) {
    for (JsonNode r : JsonMapper.builder().build().readTree(json).get("workloads").get(0).get("results")) {
      if (r.get("model").stringValue().equals(model)) return r;
    }
    throw new AssertionError(model + " not in " + json);
  }

  private static ModelResult faas(Plan plan) {
    return plan.workloads().get(0).results().stream().filter(r -> r.model().equals("faas")).findFirst().orElseThrow();
  }

  @Test
  void singleMemorySizeGivesTheSameJsonAsBeforeTables() throws Exception {
    // A spec whose memorySize is one number (or absent) renders byte for byte the JSON it rendered before power tuning and tables existed.
    String yaml = resource("single-memory.yaml");
    String before = resource("single-memory.json");
    String now = JsonReport.render(plan("single-memory.yaml", yaml));
    assertThat(now).isEqualTo(before).doesNotContain("\"tables\"");
  }

  @Test
  void jsonCarriesTheCurveAsRowObjectsUnderTables() {
    // The faas result has "tables": {"powerTuning": [...]}, one object per size with the curve's columns in order, sizes as integers and exactly one chosen row, after every SPEC.md §3 field.
    String json = JsonReport.render(tuned);
    JsonNode faas = result(json, "faas");
    assertThat(faas.propertyNames()).containsSubsequence("model", "feasible", "requests", "latencyMs", "costUsdPerMonth", "co2eKg", "notes", "tables");
    assertThat(faas.get("tables").propertyNames()).containsExactly("powerTuning");
    JsonNode rows = faas.get("tables").get("powerTuning");
    assertThat(rows.isArray()).isTrue();
    assertThat(rows).hasSize(5);
    List<Long> sizes = new ArrayList<>();
    int chosen = 0;
    for (JsonNode row : rows) {
      assertThat(row.propertyNames()).containsExactlyElementsOf(CURVE);
      assertThat(row.get("memorySize").isIntegralNumber()).isTrue();
      sizes.add(row.get("memorySize").longValue());
      chosen += row.get("chosen").intValue();
    }
    assertThat(sizes).containsExactly(128L, 512L, 1024L, 1769L, 3008L);
    assertThat(chosen).isEqualTo(1);
    ModelResult.Table t = faas(tuned).tables().get("powerTuning");
    for (int i = 0; i < 5; i++) {
      if (rows.get(i).get("chosen").intValue() == 1) {
        assertThat(rows.get(i).get("costUsdPerMonth").doubleValue()).isEqualTo(faas.get("costUsdPerMonth").doubleValue(), org.assertj.core.data.Offset.offset(1e-4));
      }
      assertThat(rows.get(i).get("p99Ms").doubleValue()).isEqualTo(Math.round(t.number(i, "p99Ms") * 1e6) / 1e6);
    }
    assertThat(result(json, "container").has("tables")).as("omitted when a result has none").isFalse();
  }

  @Test
  void consoleShowsTheTableIndentedUnderItsWorkload() {
    // The console prints "faas · powerTuning" after the model rows and before the recommendation, its header and one line per size indented under it, with no trailing spaces.
    String out = new ConsoleTable(false).render(tuned);
    List<String> lines = out.lines().toList();
    int title = lines.indexOf("  faas · powerTuning");
    assertThat(title).isPositive();
    assertThat(lines.get(title + 1)).startsWith("    memorySize").containsSubsequence(CURVE);
    for (int i = 0; i < 5; i++) assertThat(lines.get(title + 2 + i)).startsWith("    ").matches("\\s+\\d+\\s.*");
    assertThat(lines.get(title + 7)).startsWith("  → recommended");
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
    assertThat(new ConsoleTable(false).render(Plans.plan())).as("no table, no sub-table").doesNotContain(" · ");
  }

  @Test
  void consoleHighlightsTheChosenRowOnlyWithColour() {
    // In colour the chosen row of the sub-table is green; stripping the escapes gives the plain table exactly.
    String coloured = new ConsoleTable(true).render(tuned);
    ModelResult.Table t = faas(tuned).tables().get("powerTuning");
    int chosen = 0;
    while (!t.highlighted(chosen)) chosen++;
    String size = Tables.number(t.number(chosen, "memorySize"));
    assertThat(coloured).containsPattern("\u001b\\[32m\\s+" + size + " ");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(new ConsoleTable(false).render(tuned));
  }

  @Test
  void htmlShowsTheTableAndChartsOfItsChartColumns() {
    // The page has the curve as a table (chosen row highlighted) and a chart of cost and of p99 by memory size, one bar per size, one of them highlighted, and still loads nothing.
    String html = HtmlReport.render(tuned);
    assertThat(html).contains("<h3>faas · powerTuning</h3>", "<table class=\"sub\"><thead><tr><th>memorySize</th><th>costUsdPerMonth</th>");
    assertThat(html).contains("costUsdPerMonth by memorySize", "p99Ms by memorySize");
    JsonNode table = Pages.data(html).get("workloads").get(0).get("tables").get(0);
    assertThat(table.get("title").stringValue()).isEqualTo("faas · powerTuning");
    assertThat(table.get("labels").valueStream().map(JsonNode::stringValue).toList()).containsExactly("128", "512", "1024", "1769", "3008");
    assertThat(table.get("highlight").valueStream().filter(JsonNode::booleanValue).count()).as("one highlighted bar").isOne();
    assertThat(table.get("charts").valueStream().map(c -> c.get("column").stringValue()).toList()).containsExactly("costUsdPerMonth", "p99Ms");
    ModelResult.Table t = tuned.workloads().get(0).results().stream().filter(r -> r.model().equals("faas")).findFirst().orElseThrow()
        .tables().get("powerTuning");
    JsonNode p99 = table.get("charts").get(1).get("values");
    for (int k = 0; k < 5; k++) assertThat(p99.get(k).doubleValue()).isEqualTo(t.number(k, "p99Ms"));
    String id = table.get("id").stringValue();
    assertThat(html).contains("id=\"" + id + "-c0\"", "id=\"" + id + "-c1\"");
    String sub = html.substring(html.indexOf("<table class=\"sub\">"), html.indexOf("</table>", html.indexOf("<table class=\"sub\">")));
    assertThat(sub.split("<tr class=\"chosen\">", -1)).hasSize(2);
    Pages.assertSelfContained(html);
  }

  @Test
  void anyTableIsRenderedByItsNameAndColumnsEscaped() {
    // A table none of the reporters knows, on another model, with markup in its name, columns and cells, is rendered by all three: escaped in HTML, verbatim in JSON and the console.
    String html = HtmlReport.render(crafted);
    assertThat(html).contains("<h3>container · &lt;odd&gt; &amp; &quot;name&quot;</h3>", "<th>&lt;b&gt;size&lt;/b&gt;</th>",
        "<td>&lt;i&gt;small&lt;/i&gt;</td>", "<td>big &amp; &quot;bold&quot;</td>", "<td>1235</td>", "<td>0.25</td>",
        "value by &lt;b&gt;size&lt;/b&gt;");
    assertThat(html.replace(ChartLibrary.script(), "").replace(ReportData.json(crafted), ""))
        .doesNotContain("<odd>", "<b>size</b>", "<i>small</i>", "\"bold\"");
    assertThat(ReportData.json(crafted)).doesNotContain("<");
    Pages.assertSelfContained(html);
    JsonNode rows = result(JsonReport.render(crafted), "container").get("tables").get("<odd> & \"name\"");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).propertyNames()).containsExactly("<b>size</b>", "label", "value");
    assertThat(rows.get(0).get("<b>size</b>").isIntegralNumber()).isTrue();
    assertThat(rows.get(1).get("label").stringValue()).isEqualTo("big & \"bold\"");
    assertThat(rows.get(1).get("value").doubleValue()).isEqualTo(1234.5);
    String console = new ConsoleTable(false).render(crafted);
    assertThat(console).contains("  container · <odd> & \"name\"\n", "<i>small</i>", "1235");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ResultTablesTest.class.getResourceAsStream(name)) {
      if (in == null) throw new AssertionError("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
