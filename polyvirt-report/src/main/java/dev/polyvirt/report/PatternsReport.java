package dev.polyvirt.report;

import static dev.polyvirt.planner.patterns.PortfolioPatterns.usd;

import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.patterns.Patterns;
import dev.polyvirt.planner.patterns.PortfolioOption;
import dev.polyvirt.planner.patterns.PortfolioPatterns;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portfolio-level options (seed 002 §6.3 integration patterns): a short console section after
 * the decision summary, and the top-level {@code patterns} key of {@code results.json}. Both are
 * left out when the plan yields a single option (nothing to compare).
 */
final class PatternsReport {
  private PatternsReport() {}

  /** Renders the console section, or "". */
  static String console(Plan plan) {
    Patterns p = PortfolioPatterns.of(plan);
    if (p.options().size() < 2) return "";
    StringBuilder out = new StringBuilder("\nportfolio patterns (seed 002 §6.3; monthly TCO incl. gateways, load balancers, event bus, data transfer)\n");
    int width = p.options().stream().mapToInt(o -> o.name().length()).max().orElse(0);
    for (PortfolioOption o : p.options()) {
      String marks = (p.cheapest().orElse("").equals(o.name()) ? "  cheapest" : "") + (p.best().orElse("").equals(o.name()) ? "  best score" : "");
      out.append(String.format(Locale.ROOT, "  %-" + width + "s  %12s  score %.3f%s%n", o.name(), usd(o.totalUsdPerMonth()), o.score(), marks));
    }
    for (String n : p.notes()) out.append("  note: ").append(n).append('\n');
    return out.toString();
  }

  /** Adds the {@code patterns} key to {@code root}, unless there is a single option. */
  static void json(ObjectNode root, Plan plan) {
    Patterns p = PortfolioPatterns.of(plan);
    if (p.options().size() < 2) return;
    ObjectNode n = root.putObject("patterns");
    ArrayNode options = n.putArray("options");
    for (PortfolioOption o : p.options()) {
      ObjectNode on = options.addObject();
      on.put("name", o.name());
      on.put("description", o.description());
      ObjectNode placements = on.putObject("placements");
      o.placements().forEach(placements::put);
      on.put("computeUsdPerMonth", round(o.computeUsdPerMonth()));
      on.put("frontDoorUsdPerMonth", round(o.frontDoorUsdPerMonth()));
      on.put("eventBusUsdPerMonth", round(o.eventBusUsdPerMonth()));
      on.put("dataTransferUsdPerMonth", round(o.dataTransferUsdPerMonth()));
      on.put("totalUsdPerMonth", round(o.totalUsdPerMonth()));
      on.put("score", Math.round(o.score() * 1e4) / 1e4);
    }
    p.cheapest().ifPresent(c -> n.put("cheapest", c));
    p.best().ifPresent(b -> n.put("best", b));
    ArrayNode notes = n.putArray("notes");
    p.notes().forEach(notes::add);
  }

  private static double round(double usd) {
    return Math.round(usd * 100) / 100.0;
  }
}
