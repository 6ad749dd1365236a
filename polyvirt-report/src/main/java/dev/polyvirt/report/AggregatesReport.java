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
 * keep-alive policy) as the console section after the workloads and as the JSON top-level
 * {@code "aggregates"} array (an addition to SPEC.md §3, present only when a workload was written
 * with {@code function: "*"}).
 */
final class AggregatesReport {
  private AggregatesReport() {}

  /** Renders every group as plain-text tables; "" when there is none. */
  static String console(Aggregates aggregates) {
    StringBuilder out = new StringBuilder();
    for (Aggregates.TraceGroup g : aggregates.groups()) {
      out.append('\n').append(g.workload()).append(" — ").append(g.functions()).append(" functions of ").append(g.apps().size())
          .append(g.apps().size() == 1 ? " app" : " apps").append(", added up\n");
      out.append(totals("per app", "app", g.apps()));
      out.append(totals("per trigger", "trigger", g.triggers()));
      if (!g.coldStartsAcrossApps().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("policy", "apps", "cold starts", "idle GB-h", "p25", "p50", "p75", "p90", "p99", "max"));
        for (Aggregates.ColdStartSpread s : g.coldStartsAcrossApps()) {
          rows.add(List.of(s.policy(), Integer.toString(s.apps()), Long.toString(s.coldStarts()), Tables.number(s.idleMemoryGbHours()),
              pct(s.p25()), pct(s.p50()), pct(s.p75()), pct(s.p90()), pct(s.p99()), pct(s.max())));
        }
        out.append("  cold-start rate across apps (faas, per keep-alive policy)\n").append(lines(rows));
      }
    }
    return out.toString();
  }

  private static String totals(String title, String keyName, List<Aggregates.Totals> totals) {
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
    return "  " + title + "\n" + lines(rows);
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
        ObjectNode rate = o.putObject("coldStartRate");
        rate.put("p25", round(s.p25(), 6));
        rate.put("p50", round(s.p50(), 6));
        rate.put("p75", round(s.p75(), 6));
        rate.put("p90", round(s.p90(), 6));
        rate.put("p99", round(s.p99(), 6));
        rate.put("max", round(s.max(), 6));
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
