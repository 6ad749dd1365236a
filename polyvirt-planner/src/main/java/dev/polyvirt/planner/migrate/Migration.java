package dev.polyvirt.planner.migrate;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One workload's move from where it runs to where the planner recommends.
 *
 * @param personWeeks the effort: the strategy's person-weeks × the size factor
 * @param startWeek the week its first phase starts in the roadmap (0-based; one migration at a time)
 * @param weeks the calendar length: effort over the team size
 * @param oneTimeUsd labour plus the target's bill while both run side by side
 * @param currentUsdPerMonth the current placement's total cost of ownership (bill + operations), when simulated
 * @param targetUsdPerMonth the target's
 * @param paybackMonth the month, counted from the start of this migration, in which the savings
 *     have repaid the one-time cost (empty when the target does not save or the current cost is unknown)
 * @param valuePerWeek three years of savings minus the one-time cost, per person-week (the roadmap's order)
 */
public record Migration(String workload, String current, String target, Strategy strategy, String size, double personWeeks,
    int startWeek, double weeks, List<PhasePlan> phases, double oneTimeUsd, OptionalDouble currentUsdPerMonth, double targetUsdPerMonth,
    OptionalInt paybackMonth, double valuePerWeek, String note) {
  public Migration {
    phases = List.copyOf(phases);
  }

  /** A phase scheduled in the roadmap, with its effort, cost and risk. */
  public record PhasePlan(String name, double personWeeks, double fromWeek, double toWeek, double costUsd, String risk) {}

  /** Returns the monthly saving once migrated (current − target), when the current cost is known. */
  public OptionalDouble monthlySavingUsd() {
    return currentUsdPerMonth.isPresent() ? OptionalDouble.of(currentUsdPerMonth.getAsDouble() - targetUsdPerMonth) : OptionalDouble.empty();
  }
}
