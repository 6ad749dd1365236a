package dev.polyvirt.report;

import dev.polyvirt.planner.Assessment;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.planner.tco.Tco;
import java.util.List;
import java.util.Locale;

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
    a.scorecards().stream().filter(Scorecard::eligible).max(java.util.Comparator.comparingDouble(Scorecard::score))
        .flatMap(c -> a.tcoOf(c.model())).ifPresent(t -> out.append("    TCO of ").append(t.model()).append(": ").append(tco(t)).append('\n'));
    return out.toString();
  }

  /** Describes a TCO in one line: the month at each purchase option, three years, carbon. */
  static String tco(Tco t) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "on-demand %s/month", ConsoleTable.money(t.onDemandUsdPerMonth())));
    t.optionsUsdPerMonth().forEach((k, v) -> b.append(", ").append(k).append(' ').append(ConsoleTable.money(v)));
    if (!t.dataTransfer().note().isEmpty()) b.append("; + data transfer ").append(ConsoleTable.money(t.dataTransferUsdPerMonth())).append("/month");
    b.append(String.format(Locale.ROOT, "; + ops %s/month; 3 years %s on demand", ConsoleTable.money(t.opsUsdPerMonth()),
        ConsoleTable.money(t.threeYearOnDemandUsd())));
    // a placement with no cheaper purchase option (a private datacenter, or a book without options) says only on demand
    if (!t.bestOption().equals("on-demand")) {
      b.append(String.format(Locale.ROOT, ", %s with %s", ConsoleTable.money(t.threeYearBestUsd()), t.bestOption()));
    }
    b.append(String.format(Locale.ROOT, "; %.3g kg CO2e/month (%.2g in %s)", t.co2eKgPerMonth(), t.cleanestCo2eKgPerMonth(), t.cleanestRegion()));
    return b.toString();
  }
}
