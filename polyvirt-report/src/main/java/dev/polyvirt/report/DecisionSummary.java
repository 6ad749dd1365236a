package dev.polyvirt.report;

import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision-table-style summary printed after the per-workload blocks: one line per workload
 * with the recommended model, the runner-up, the deciding reason and what would flip it (the
 * first of the planner's what-if sentences).
 */
final class DecisionSummary {
  private static final String[] HEAD = {"workload", "recommended", "runner-up", "reason", "what would flip it"};

  private DecisionSummary() {}

  /** Renders the summary, or "" when the plan carries no assessment. */
  static String render(Plan plan) {
    if (plan.workloads().stream().allMatch(w -> w.assessment().reason().isEmpty())) return "";
    List<String[]> rows = new ArrayList<>();
    rows.add(HEAD);
    for (WorkloadPlan w : plan.workloads()) {
      rows.add(new String[] {w.workload().workload().name(), w.recommendation().model().orElse("none"),
          w.assessment().runnerUp().orElse("-"), w.assessment().reason(),
          w.assessment().whatWouldFlip().isEmpty() ? "-" : w.assessment().whatWouldFlip().get(0)});
    }
    int[] width = new int[HEAD.length];
    for (String[] r : rows) for (int i = 0; i < r.length - 1; i++) width[i] = Math.max(width[i], r[i].length());
    StringBuilder out = new StringBuilder("\ndecision summary\n");
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(i < r.length - 1 ? r[i] + " ".repeat(width[i] - r[i].length()) + "  " : r[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
