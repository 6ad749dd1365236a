package dev.polyvirt.report;

import dev.polyvirt.planner.migrate.Migration;
import dev.polyvirt.planner.migrate.Roadmap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@code polyvirt migrate}'s roadmap: one block per workload in roadmap order (current →
 * target, strategy, effort, one-time cost, run-rates, risk, payback month) with its phases and
 * their weeks, as text or as JSON.
 */
public final class MigrationReport {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private MigrationReport() {}

  /** Renders the roadmap as text. */
  public static String text(String spec, Roadmap r) {
    StringBuilder out = new StringBuilder("polyvirt migrate: " + spec + String.format(Locale.ROOT,
        "  (team of %d, %s per person-week; ordered by 3-year value per person-week)%n", r.settings().teamSize(),
        ConsoleTable.money(r.settings().costPerPersonWeek())));
    int i = 1;
    for (Migration m : r.migrations()) {
      out.append('\n').append(i++).append(". ").append(m.workload()).append(": ").append(m.current()).append(" → ").append(m.target());
      if (m.strategy().label().equals("stay")) {
        out.append("  — stays (already where it should run)\n");
        continue;
      }
      out.append(String.format(Locale.ROOT, "  — %s (%s), %.1f person-weeks, weeks %d–%.0f, risk %s%n", m.strategy().label(), m.size(),
          m.personWeeks(), m.startWeek(), m.startWeek() + m.weeks(), m.strategy().risk()));
      out.append(String.format(Locale.ROOT, "   one-time %s; run-rate %s → %s/month; payback %s%n", ConsoleTable.money(m.oneTimeUsd()),
          m.currentUsdPerMonth().isPresent() ? ConsoleTable.money(m.currentUsdPerMonth().getAsDouble()) : "?",
          ConsoleTable.money(m.targetUsdPerMonth()),
          m.paybackMonth().isPresent() ? "in month " + m.paybackMonth().getAsInt() + (m.paybackMonth().getAsInt() > 36 ? " (beyond 3 years)" : "") : m.currentUsdPerMonth().isPresent() ? "never (no saving)" : "unknown"));
      for (Migration.PhasePlan p : m.phases()) {
        out.append(String.format(Locale.ROOT, "     %-42s weeks %5.1f–%5.1f  %5.1f pw  %10s  risk %s%n", p.name(), p.fromWeek(), p.toWeek(),
            p.personWeeks(), ConsoleTable.money(p.costUsd()), p.risk()));
      }
      if (!m.note().isEmpty()) out.append("   note: ").append(m.note()).append('\n');
    }
    return out.toString();
  }

  /** Renders the roadmap as JSON. */
  public static String json(String spec, Roadmap r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("polyvirt", JsonReport.VERSION);
    root.put("spec", spec);
    root.put("teamSize", r.settings().teamSize());
    root.put("costPerPersonWeek", r.settings().costPerPersonWeek());
    ArrayNode list = root.putArray("roadmap");
    for (Migration m : r.migrations()) {
      ObjectNode n = list.addObject();
      n.put("workload", m.workload());
      n.put("current", m.current());
      n.put("target", m.target());
      n.put("strategy", m.strategy().label());
      n.put("size", m.size());
      n.put("personWeeks", round(m.personWeeks()));
      n.put("startWeek", m.startWeek());
      n.put("weeks", round(m.weeks()));
      n.put("risk", m.strategy().risk());
      n.put("oneTimeUsd", round(m.oneTimeUsd()));
      if (m.currentUsdPerMonth().isPresent()) n.put("currentUsdPerMonth", round(m.currentUsdPerMonth().getAsDouble()));
      else n.putNull("currentUsdPerMonth");
      n.put("targetUsdPerMonth", round(m.targetUsdPerMonth()));
      if (m.paybackMonth().isPresent()) n.put("paybackMonth", m.paybackMonth().getAsInt());
      else n.putNull("paybackMonth");
      n.put("valuePerPersonWeekUsd", round(m.valuePerWeek()));
      ArrayNode phases = n.putArray("phases");
      for (Migration.PhasePlan p : m.phases()) {
        ObjectNode pn = phases.addObject();
        pn.put("name", p.name());
        pn.put("personWeeks", round(p.personWeeks()));
        pn.put("fromWeek", round(p.fromWeek()));
        pn.put("toWeek", round(p.toWeek()));
        pn.put("costUsd", round(p.costUsd()));
        pn.put("risk", p.risk());
      }
      if (!m.note().isEmpty()) n.put("note", m.note());
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static double round(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue() : 0;
  }
}
