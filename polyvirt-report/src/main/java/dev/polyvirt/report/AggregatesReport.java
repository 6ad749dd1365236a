package dev.polyvirt.report;

import dev.polyvirt.planner.Aggregates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@link Aggregates} (per app, per trigger, and the cold-start rate across apps per
 * keep-alive policy) as the console section after the workloads, the HTML section after them,
 * and the JSON top-level {@code "aggregates"} array (an addition to SPEC.md §3, present only when
 * a workload was written with {@code function: "*"}).
 */
final class AggregatesReport {
  private AggregatesReport() {}

  /** One titled table of text cells; the first row is the header. */
  record Section(String title, List<List<String>> rows) {}

  /** Returns a group's heading, e.g. "azure — 5 functions of 5 apps, added up". */
  static String heading(Aggregates.TraceGroup g) {
    return g.workload() + " — " + g.functions() + " functions of " + g.apps().size() + (g.apps().size() == 1 ? " app" : " apps") + ", added up";
  }

  /** Returns a group's tables: per app, per trigger, and (when FaaS ran) the cold-start rate across apps. */
  static List<Section> sections(Aggregates.TraceGroup g) {
    List<Section> out = new ArrayList<>();
    out.add(totals("per app", "app", g.apps()));
    out.add(totals("per trigger", "trigger", g.triggers()));
    if (!g.coldStartsAcrossApps().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("policy", "apps", "cold starts", "idle GB-h", "$/month", "p25", "p50", "p75", "p90", "p99", "max"));
      for (Aggregates.ColdStartSpread s : g.coldStartsAcrossApps()) {
        rows.add(List.of(s.policy(), Integer.toString(s.apps()), Long.toString(s.coldStarts()), Tables.number(s.idleMemoryGbHours()),
            ConsoleTable.money(s.costUsdPerMonth()), pct(s.p25()), pct(s.p50()), pct(s.p75()), pct(s.p90()), pct(s.p99()), pct(s.max())));
      }
      out.add(new Section("cold-start rate across apps (faas, per keep-alive policy)", rows));
    }
    return out;
  }

  /** Renders every group as plain-text tables; "" when there is none. */
  static String console(Aggregates aggregates) {
    StringBuilder out = new StringBuilder();
    for (Aggregates.TraceGroup g : aggregates.groups()) {
      out.append('\n').append(heading(g)).append('\n');
      for (Section s : sections(g)) out.append("  ").append(s.title()).append('\n').append(lines(s.rows()));
    }
    return out.toString();
  }

  /** Appends every group as an HTML section of tables; nothing when there is none. */
  static void html(StringBuilder h, Aggregates aggregates) {
    for (Aggregates.TraceGroup g : aggregates.groups()) {
      h.append("<section id=\"a-").append(HtmlReport.esc(g.workload())).append("\"><h2>").append(HtmlReport.esc(heading(g))).append("</h2>\n");
      for (Section s : sections(g)) {
        h.append("<h3>").append(HtmlReport.esc(s.title())).append("</h3>\n<table class=\"sub\"><thead><tr>");
        for (String c : s.rows().get(0)) h.append("<th>").append(HtmlReport.esc(c)).append("</th>");
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : s.rows().subList(1, s.rows().size())) {
          h.append("<tr>");
          for (String c : row) h.append("<td>").append(HtmlReport.esc(c)).append("</td>");
          h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
      }
      h.append("</section>\n");
    }
  }

  private static Section totals(String title, String keyName, List<Aggregates.Totals> totals) {
    Set<String> models = new LinkedHashSet<>();
    Set<String> cold = new LinkedHashSet<>();
    for (Aggregates.Totals t : totals) {
      t.models().forEach((m, v) -> {
        models.add(m);
        if (v.coldStarts() > 0) cold.add(m);
      });
    }
    List<String> head = new ArrayList<>(List.of(keyName, "functions", "requests"));
    for (String m : models) {
      head.add(m + " $/month");
      if (cold.contains(m)) head.add(m + " cold starts");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(head);
    for (Aggregates.Totals t : totals) {
      List<String> row = new ArrayList<>(List.of(t.key(), Integer.toString(t.functions()), Long.toString(t.requests())));
      for (String m : models) {
        Aggregates.ModelTotals v = t.models().get(m);
        row.add(v == null ? "-" : ConsoleTable.money(v.costUsdPerMonth()));
        if (cold.contains(m)) row.add(v == null ? "-" : Long.toString(v.coldStarts()));
      }
      rows.add(row);
    }
    return new Section(title, rows);
  }

  private static String lines(List<List<String>> rows) {
    int n = rows.get(0).size();
    int[] width = new int[n];
    for (List<String> r : rows) for (int c = 0; c < n; c++) width[c] = Math.max(width[c], r.get(c).length());
    StringBuilder out = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder l = new StringBuilder("    ");
      for (int c = 0; c < n; c++) {
        String cell = r.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        l.append(c == 0 ? cell + pad : pad + cell).append(c < n - 1 ? "  " : "");
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String pct(double rate) {
    return Tables.number(100 * rate) + "%";
  }

  /** Writes every group into {@code out}: workload, functions, apps, triggers, coldStartsAcrossApps. */
  static void json(ArrayNode out, Aggregates aggregates) {
    for (Aggregates.TraceGroup g : aggregates.groups()) {
      ObjectNode n = out.addObject();
      n.put("workload", g.workload());
      n.put("functions", g.functions());
      totals(n.putArray("apps"), "app", g.apps());
      totals(n.putArray("triggers"), "trigger", g.triggers());
      ArrayNode spreads = n.putArray("coldStartsAcrossApps");
      for (Aggregates.ColdStartSpread s : g.coldStartsAcrossApps()) {
        ObjectNode o = spreads.addObject();
        o.put("policy", s.policy());
        o.put("apps", s.apps());
        o.put("coldStarts", s.coldStarts());
        o.put("idleMemoryGbHours", round(s.idleMemoryGbHours(), 6));
        o.put("costUsdPerMonth", round(s.costUsdPerMonth(), 4));
        ObjectNode rate = o.putObject("coldStartRate");
        rate.put("p25", round(s.p25(), 9));
        rate.put("p50", round(s.p50(), 9));
        rate.put("p75", round(s.p75(), 9));
        rate.put("p90", round(s.p90(), 9));
        rate.put("p99", round(s.p99(), 9));
        rate.put("max", round(s.max(), 9));
      }
    }
  }

  private static void totals(ArrayNode out, String keyName, List<Aggregates.Totals> totals) {
    for (Aggregates.Totals t : totals) {
      ObjectNode o = out.addObject();
      o.put(keyName, t.key());
      o.put("functions", t.functions());
      o.put("requests", t.requests());
      ObjectNode models = o.putObject("models");
      t.models().forEach((m, v) -> {
        ObjectNode mn = models.putObject(m);
        mn.put("coldStarts", v.coldStarts());
        mn.put("costUsdPerMonth", round(v.costUsdPerMonth(), 4));
      });
    }
  }

  private static double round(double v, int decimals) {
    if (!Double.isFinite(v)) return 0;
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }
}
