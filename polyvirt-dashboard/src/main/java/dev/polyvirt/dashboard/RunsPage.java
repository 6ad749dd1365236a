package dev.polyvirt.dashboard;

import static dev.polyvirt.dashboard.Html.esc;

import dev.polyvirt.results.QueryResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The front page: every stored run, newest first, and a form to compare two of them. */
final class RunsPage {
  private RunsPage() {}

  /** Renders the page from the run list of the results database. */
  static String render(QueryResult runs) {
    if (runs.rows().isEmpty()) {
      return Html.page("Runs", "<p class=\"empty\">No runs yet. Start one under <a href=\"/new\">New run</a>, "
          + "or run <code>polyvirt plan SPEC.yaml</code> in this folder.</p>");
    }
    List<List<Object>> newestFirst = new ArrayList<>(runs.rows());
    Collections.reverse(newestFirst);
    StringBuilder b = new StringBuilder();
    b.append("<form class=\"compare\" action=\"/compare\" method=\"get\">Compare ")
        .append(select("a", newestFirst, Math.min(1, newestFirst.size() - 1))).append(" with ")
        .append(select("b", newestFirst, 0)).append(" <button type=\"submit\" id=\"compare\">Compare</button></form>\n");
    b.append("<table id=\"runs\"><thead><tr><th>Run</th><th>Started (UTC)</th><th>Spec</th><th>Seed</th><th>Recommended</th></tr></thead><tbody>\n");
    for (List<Object> r : newestFirst) {
      b.append("<tr><td><a href=\"/runs/").append(esc(r.get(0))).append("\">").append(esc(r.get(0))).append("</a></td><td>")
          .append(esc(r.get(1))).append("</td><td>").append(esc(r.get(2))).append("</td><td class=\"num\">").append(esc(r.get(3)))
          .append("</td><td>").append(esc(r.get(4))).append("</td></tr>\n");
    }
    b.append("</tbody></table>");
    return Html.page("Runs", b.toString());
  }

  private static String select(String name, List<List<Object>> runs, int chosen) {
    StringBuilder b = new StringBuilder("<select name=\"" + name + "\" id=\"compare-" + name + "\">");
    for (int i = 0; i < runs.size(); i++) {
      Object id = runs.get(i).get(0);
      b.append("<option value=\"").append(esc(id)).append('"').append(i == chosen ? " selected" : "").append('>')
          .append(esc(id)).append(" · ").append(esc(runs.get(i).get(2))).append("</option>");
    }
    return b.append("</select>").toString();
  }
}
