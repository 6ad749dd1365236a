package dev.polyvirt.report;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison table {@code polyvirt plan} prints: one block per workload, one row per model
 * (cost/month, p50, p99, cold-start rate, average instances, utilisation, verdict), then any
 * named tables the results carry (each an indented sub-table titled "model · name", whatever the
 * model), then the recommendation and its reasons. ANSI colour only when asked (a terminal).
 */
public final class ConsoleTable {
  private static final String[] HEAD = {"model", "cost/month", "p50", "p99", "cold starts", "avg inst", "util", "verdict"};
  /** The reason a model SPEC.md names but this version does not simulate gives. */
  static final String NOT_MODELLED = "not modelled in this version";
  private final boolean color;
  private final boolean verbose;

  /** Creates a renderer, with ANSI colour or plain text. */
  public ConsoleTable(boolean color) {
    this(color, false);
  }

  /** Creates a renderer, with ANSI colour or plain text; {@code verbose} adds each simulated model's notes under its workload. */
  public ConsoleTable(boolean color, boolean verbose) {
    this.color = color;
    this.verbose = verbose;
  }

  /** Renders every workload of the plan. */
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(bold("polyvirt plan: " + plan.portfolio().portfolio().name())).append("  (")
        .append(plan.portfolio().priceBook().label()).append(", seed ").append(plan.portfolio().portfolio().seed())
        .append(", horizon ").append(dev.polyvirt.engine.SimTime.format(plan.portfolio().portfolio().horizonNanos())).append(")\n");
    for (WorkloadPlan w : plan.workloads()) out.append('\n').append(workload(w));
    out.append(AggregatesReport.console(plan.aggregates()));
    out.append(DecisionSummary.render(plan));
    out.append(PatternsReport.console(plan));
    return out.toString();
  }

  private String workload(WorkloadPlan w) {
    StringBuilder out = new StringBuilder();
    out.append(bold(w.workload().workload().name())).append(" — ").append(w.workload().traffic().describe()).append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(HEAD);
    String chosen = w.recommendation().model().orElse("");
    List<String> notModelled = new ArrayList<>();
    for (ModelResult r : w.results()) {
      if (r.infeasibleReasons().equals(List.of(NOT_MODELLED))) notModelled.add(r.model());
      else rows.add(row(r, chosen));
    }
    int[] width = new int[HEAD.length];
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        String cell = i == 0 || i == r.length - 1 ? pad(r[i], width[i]) : lpad(r[i], width[i]);
        line.append(cell).append(i < r.length - 1 ? "  " : "");
      }
      String text = line.toString().stripTrailing();
      if (k == 0) text = dim(text);
      else if (r[0].equals(chosen)) text = green(text);
      else if (r[r.length - 1].startsWith("infeasible")) text = dim(text);
      out.append(text).append('\n');
    }
    if (!notModelled.isEmpty()) out.append(dim("  " + NOT_MODELLED + ": " + String.join(", ", notModelled))).append('\n');
    if (verbose) {
      for (ModelResult r : w.results()) {
        for (String note : r.notes()) out.append(dim("  " + r.model() + ": " + note)).append('\n');
      }
    }
    for (ModelResult r : w.results()) r.tables().forEach((name, t) -> out.append(subTable(r.model() + " · " + name, t)));
    out.append("  → ").append(bold("recommended: " + w.recommendation().model().orElse("none"))).append('\n');
    for (String s : w.recommendation().rationale()) out.append("    - ").append(s).append('\n');
    out.append(AssessmentLines.render(w.assessment()));
    return out.toString();
  }

  /** Renders a result's named table under the model rows: its title, then its columns, indented further; notable rows highlighted. */
  private String subTable(String title, ModelResult.Table t) {
    StringBuilder out = new StringBuilder();
    out.append("  ").append(title).append('\n');
    int n = t.columns().size();
    boolean[] right = new boolean[n];
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      right[c] = Tables.numeric(t, c);
      width[c] = t.columns().get(c).length();
      for (List<Object> row : t.rows()) width[c] = Math.max(width[c], Tables.cell(row.get(c)).length());
    }
    out.append(dim(subLine(t.columns(), right, width))).append('\n');
    for (int k = 0; k < t.rows().size(); k++) {
      String text = subLine(t.rows().get(k).stream().map(Tables::cell).toList(), right, width);
      out.append(t.highlighted(k) ? green(text) : text).append('\n');
    }
    return out.toString();
  }

  private static String subLine(List<String> cells, boolean[] right, int[] width) {
    StringBuilder l = new StringBuilder("    ");
    for (int c = 0; c < cells.size(); c++) {
      l.append(right[c] ? lpad(cells.get(c), width[c]) : pad(cells.get(c), width[c])).append(c < cells.size() - 1 ? "  " : "");
    }
    return l.toString().stripTrailing();
  }

  private static String[] row(ModelResult r, String chosen) {
    if (r.figures().isEmpty()) {
      String reason = String.join("; ", r.infeasibleReasons());
      return new String[] {r.model(), "-", "-", "-", "-", "-", "-", "infeasible: " + shorten(reason, 60)};
    }
    ModelResult.Figures f = r.figures().get();
    return new String[] {r.model(), money(f.costUsdPerMonth()), ms(f.latencyMs().p50()), ms(f.latencyMs().p99()),
        String.format(Locale.ROOT, "%.2f%%", 100 * f.coldStartRate()), String.format(Locale.ROOT, "%.1f", f.avgInstances()),
        String.format(Locale.ROOT, "%.0f%%", 100 * f.utilization()), r.model().equals(chosen) ? "recommended" : verdict(f)};
  }

  private static String verdict(ModelResult.Figures f) {
    long lost = f.failed() + f.throttled();
    return lost > 0 ? String.format(Locale.ROOT, "feasible, %d lost", lost) : "feasible";
  }

  static String money(double v) {
    return String.format(Locale.ROOT, v >= 1000 ? "$%,.0f" : "$%,.2f", v);
  }

  static String ms(double millis) {
    if (millis >= 120_000) return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    if (millis >= 10_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    if (millis >= 1000) return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    return String.format(Locale.ROOT, millis >= 10 ? "%.0f ms" : "%.1f ms", millis);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  private static String lpad(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }

  private String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String dim(String s) {
    return color ? "\u001b[2m" + s + "\u001b[0m" : s;
  }

  private String green(String s) {
    return color ? "\u001b[32m" + s + "\u001b[0m" : s;
  }
}
