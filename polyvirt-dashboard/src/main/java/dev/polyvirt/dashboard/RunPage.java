package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import dev.polyvirt.results.QueryResult;
import dev.polyvirt.results.ResultsDatabase;
import dev.polyvirt.results.RunId;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One run: per workload the recommendation and its reasons, a table comparing every model (cost,
 * p99, cold starts, instances), a cost chart, a per-host heat map for a datacenter result, then the
 * run's own report.html in a frame.
 */
final class RunPage {
  private RunPage() {}

  /** Renders run {@code id} from the results database. */
  static String render(ResultsDatabase db, RunId id) throws SQLException, IOException {
    String where = " WHERE run_id = '" + id.value() + "'"; // a RunId has no quote: its shape is checked
    List<Object> run = db.query("SELECT spec, spec_file, seed, price_book, strftime(created_at, '%Y-%m-%d %H:%M:%S')"
        + " FROM runs" + where).rows().get(0);
    QueryResult workloads = db.query("SELECT workload, traffic, recommended_model FROM workloads" + where + " ORDER BY position");
    QueryResult results = db.query("SELECT workload, model, feasible, cost_usd_per_month, latency_p99_ms, cold_start_rate,"
        + " avg_instances, infeasible_reasons FROM model_results" + where);
    QueryResult reasons = db.query("SELECT workload, reason FROM recommendations" + where + " ORDER BY workload, line");
    QueryResult heat = db.query("SELECT workload, model, host_index, host, zone, host_model, bucket, start_s, bucket_s, utilization"
        + " FROM host_heat" + where + " ORDER BY workload, model, host_index, bucket");

    StringBuilder b = new StringBuilder();
    b.append("<p class=\"meta\">Run <code>").append(esc(id)).append("</code> of <code>").append(esc(run.get(1)))
        .append("</code>, seed ").append(esc(run.get(2))).append(", prices ").append(esc(run.get(3))).append(", started ")
        .append(esc(run.get(4))).append(" UTC · <a href=\"/runs/").append(esc(id)).append("/report.html\">report.html</a> · <a href=\"/runs/")
        .append(esc(id)).append("/results.json\">results.json</a> · <a href=\"/runs/").append(esc(id))
        .append("/spec.yaml\">spec</a> · <a href=\"/new?run=").append(esc(id)).append("\">edit and run again</a></p>\n");
    int n = 0;
    for (List<Object> w : workloads.rows()) {
      String name = (String) w.get(0);
      Object chosen = w.get(2);
      b.append("<section class=\"workload\"><h2>").append(esc(name)).append(" → ")
          .append(chosen == null ? "no feasible model" : esc(chosen)).append("</h2>\n<p class=\"traffic\">").append(esc(w.get(1))).append("</p><ul class=\"why\">");
      for (List<Object> r : reasons.rows()) if (name.equals(r.get(0))) b.append("<li>").append(esc(r.get(1))).append("</li>");
      b.append("</ul>\n<table class=\"models\"><thead><tr><th>Model</th><th>Cost / month</th><th>p99</th><th>Cold starts</th>"
          + "<th>Avg instances</th></tr></thead><tbody>\n");
      List<CostChart.Bar> bars = new ArrayList<>();
      for (List<Object> r : results.rows()) {
        if (!name.equals(r.get(0))) continue;
        boolean recommended = r.get(1).equals(chosen);
        b.append("<tr").append(recommended ? " class=\"recommended\"" : "").append("><td>").append(esc(r.get(1))).append("</td>");
        if (Boolean.TRUE.equals(r.get(2))) {
          b.append("<td class=\"num\">").append(esc(Html.usd(r.get(3)))).append("</td><td class=\"num\">").append(esc(Html.ms(r.get(4))))
              .append("</td><td class=\"num\">").append(esc(String.format(Locale.ROOT, "%.2f %%", ((Number) r.get(5)).doubleValue() * 100)))
              .append("</td><td class=\"num\">").append(esc(String.format(Locale.ROOT, "%.2f", ((Number) r.get(6)).doubleValue()))).append("</td>");
          bars.add(new CostChart.Bar((String) r.get(1), ((Number) r.get(3)).doubleValue(), recommended));
        } else {
          b.append("<td colspan=\"4\" class=\"infeasible\">").append(esc(String.join(" ", strings(r.get(7))))).append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</tbody></table>\n").append(CostChart.svg("cost-chart-" + n, bars));
      heatMaps(b, heat, name, n++);
      b.append("</section>\n");
    }
    b.append("<h2>Report</h2><iframe id=\"report\" title=\"report.html\" src=\"/runs/").append(esc(id)).append("/report.html\"></iframe>");
    return Html.page(run.get(0) + " · " + id.value(), b.toString());
  }

  /** Appends a heat map per model of workload {@code name} that stored one (datacenter results), under a heading of its own. */
  private static void heatMaps(StringBuilder b, QueryResult heat, String name, int n) {
    Map<String, List<List<Object>>> byModel = new LinkedHashMap<>();
    for (List<Object> r : heat.rows()) if (name.equals(r.get(0))) byModel.computeIfAbsent((String) r.get(1), m -> new ArrayList<>()).add(r);
    for (Map.Entry<String, List<List<Object>>> e : byModel.entrySet()) {
      List<HostHeatChart.Host> hosts = new ArrayList<>();
      List<Double> starts = new ArrayList<>();
      double end = 0;
      List<Double> row = null;
      for (List<Object> r : e.getValue()) {
        int bucket = (Integer) r.get(6);
        if (bucket == 0) {
          row = new ArrayList<>();
          hosts.add(new HostHeatChart.Host((String) r.get(3), (String) r.get(4), (String) r.get(5), row));
        }
        if (hosts.size() == 1) starts.add((Double) r.get(7));
        end = Math.max(end, (Double) r.get(7) + (Double) r.get(8));
        row.add(r.get(9) == null ? 0.0 : (Double) r.get(9));
      }
      String title = e.getKey() + " · host utilisation over time";
      b.append("<h3>").append(esc(title)).append("</h3>\n")
          .append(HostHeatChart.svg("heat-" + n + "-" + e.getKey(), title, hosts, starts, end)).append('\n');
    }
  }

  private static List<String> strings(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) l.forEach(o -> out.add(String.valueOf(o)));
    return out;
  }
}
