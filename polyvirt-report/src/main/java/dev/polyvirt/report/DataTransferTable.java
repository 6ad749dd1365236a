package dev.polyvirt.report;

import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.planner.tco.Tco;
import java.util.Locale;

/**
 * The HTML table of a workload's TCO with its data transfer line, one row per scored placement:
 * the bill, data transfer (internet egress + cross-zone), operations, and three years on demand.
 * Drawn only for workloads with a {@code dataTransfer:} section, so other reports are unchanged.
 */
final class DataTransferTable {
  private DataTransferTable() {}

  /** Appends the table to {@code h} when the workload moves data. */
  static void append(StringBuilder h, WorkloadPlan w) {
    if (w.workload().workload().dataTransfer().none() || w.assessment().tco().isEmpty()) return;
    h.append("\n<h3>TCO with data transfer</h3>\n<table class=\"sub\"><thead><tr><th>model</th><th>bill/month</th>")
        .append("<th>data transfer/month</th><th>internet GB/month</th><th>cross-zone GB/month</th><th>ops/month</th>")
        .append("<th>3 years on demand</th><th class=\"reason\">data transfer</th></tr></thead><tbody>\n");
    for (Tco t : w.assessment().tco()) {
      h.append("<tr><td>").append(HtmlReport.esc(t.model())).append("</td><td>").append(ConsoleTable.money(t.onDemandUsdPerMonth()))
          .append("</td><td>").append(ConsoleTable.money(t.dataTransferUsdPerMonth())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", t.dataTransfer().internetGbPerMonth())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", t.dataTransfer().crossZoneGbPerMonth())).append("</td><td>")
          .append(ConsoleTable.money(t.opsUsdPerMonth())).append("</td><td>").append(ConsoleTable.money(t.threeYearOnDemandUsd()))
          .append("</td><td class=\"reason\">").append(HtmlReport.esc(t.dataTransfer().note())).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }
}
