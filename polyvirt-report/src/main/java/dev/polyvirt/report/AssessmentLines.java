package dev.polyvirt.report;

import dev.polyvirt.planner.Assessment;
import dev.polyvirt.planner.score.Scorecard;
import java.util.List;

/** The lines under a workload's recommendation: runner-up, the cost–p99 Pareto front, and what would flip the choice. */
final class AssessmentLines {
  private AssessmentLines() {}

  /** Renders the assessment's lines ("" when there is none). */
  static String render(Assessment a) {
    if (a.scorecards().isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    a.runnerUp().ifPresent(r -> out.append("    runner-up: ").append(r).append('\n'));
    List<String> front = a.scorecards().stream().filter(Scorecard::pareto).map(Scorecard::model).toList();
    out.append("    Pareto front (total cost vs p99): ").append(String.join(", ", front)).append('\n');
    for (String s : a.whatWouldFlip()) out.append("    what would flip it: ").append(s).append('\n');
    return out.toString();
  }
}
