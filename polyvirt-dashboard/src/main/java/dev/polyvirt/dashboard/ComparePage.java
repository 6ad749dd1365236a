package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import dev.polyvirt.results.QueryResult;
import dev.polyvirt.results.ResultsDatabase;
import dev.polyvirt.results.RunId;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Two runs side by side: per workload the recommendation of each (a flip is marked), the cost and
 * p99 of the recommended model and their change; then every workload × model.
 */
final class ComparePage {
  private ComparePage() {}

  /** Renders the comparison of run {@code a} (the base) with run {@code b}. */
  static String render(ResultsDatabase db, RunId a, RunId b) throws SQLException, IOException {
    String ids = "'" + a.value() + "', '" + b.value() + "'"; // run ids have no quotes: their shape is checked
    QueryResult summary = db.query("""
        WITH w AS (SELECT w.run_id, w.workload, w.position, w.recommended_model, m.cost_usd_per_month, m.latency_p99_ms
                   FROM workloads w LEFT JOIN model_results m
                     ON m.run_id = w.run_id AND m.workload = w.workload AND m.model = w.recommended_model
                   WHERE w.run_id IN (%s)),
             x AS (SELECT * FROM w WHERE run_id = '%s'), y AS (SELECT * FROM w WHERE run_id = '%s')
        SELECT coalesce(x.workload, y.workload) AS workload, x.recommended_model, y.recommended_model,
               x.cost_usd_per_month, y.cost_usd_per_month, x.latency_p99_ms, y.latency_p99_ms
        FROM x FULL OUTER JOIN y ON x.workload = y.workload
        ORDER BY coalesce(x.position, y.position + 100000), workload""".formatted(ids, a.value(), b.value()));
    QueryResult models = db.query("""
        WITH x AS (SELECT * FROM model_results WHERE run_id = '%s'), y AS (SELECT * FROM model_results WHERE run_id = '%s')
        SELECT coalesce(x.workload, y.workload) AS workload, coalesce(x.model, y.model) AS model,
               x.cost_usd_per_month, y.cost_usd_per_month, x.latency_p99_ms, y.latency_p99_ms
        FROM x FULL OUTER JOIN y ON x.workload = y.workload AND x.model = y.model
        ORDER BY workload, model""".formatted(a.value(), b.value()));

    StringBuilder h = new StringBuilder();
    h.append("<p class=\"meta\">A = <a href=\"/runs/").append(esc(a)).append("\">").append(esc(a)).append("</a>, B = <a href=\"/runs/")
        .append(esc(b)).append("\">").append(esc(b)).append("</a>. Cost and p99 are the recommended model's.</p>\n");
    h.append("<table id=\"comparison\"><thead><tr><th>Workload</th><th>Recommended A</th><th>Recommended B</th>"
        + "<th>Cost / month A</th><th>Cost / month B</th><th>Δ cost</th><th>p99 A</th><th>p99 B</th><th>Δ p99</th></tr></thead><tbody>\n");
    for (List<Object> r : summary.rows()) {
      boolean flip = !Objects.equals(r.get(1), r.get(2));
      h.append("<tr").append(flip ? " class=\"flip\"" : "").append("><td>").append(esc(r.get(0))).append("</td><td>")
          .append(esc(model(r.get(1)))).append("</td><td>").append(esc(model(r.get(2)))).append(flip ? " <span class=\"tag\">changed</span>" : "")
          .append("</td>").append(cells(r.get(3), r.get(4), r.get(5), r.get(6))).append("</tr>\n");
    }
    h.append("</tbody></table>\n<h2>Every model</h2>\n<table id=\"comparison-models\"><thead><tr><th>Workload</th><th>Model</th>"
        + "<th>Cost / month A</th><th>Cost / month B</th><th>Δ cost</th><th>p99 A</th><th>p99 B</th><th>Δ p99</th></tr></thead><tbody>\n");
    for (List<Object> r : models.rows()) {
      h.append("<tr><td>").append(esc(r.get(0))).append("</td><td>").append(esc(r.get(1))).append("</td>")
          .append(cells(r.get(2), r.get(3), r.get(4), r.get(5))).append("</tr>\n");
    }
    h.append("</tbody></table>");
    return Html.page("Compare runs", h.toString());
  }

  private static String model(Object m) {
    return m == null ? "none" : m.toString();
  }

  private static String cells(Object costA, Object costB, Object p99A, Object p99B) {
    return "<td class=\"num\">" + esc(Html.usd(costA)) + "</td><td class=\"num\">" + esc(Html.usd(costB)) + "</td><td class=\"num\">"
        + esc(Html.change(costA, costB)) + "</td><td class=\"num\">" + esc(Html.ms(p99A)) + "</td><td class=\"num\">" + esc(Html.ms(p99B))
        + "</td><td class=\"num\">" + esc(Html.change(p99A, p99B)) + "</td>";
  }
}
