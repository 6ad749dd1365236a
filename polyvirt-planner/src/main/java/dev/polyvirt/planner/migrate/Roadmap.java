package dev.polyvirt.planner.migrate;

import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.planner.score.Scorecard;
import dev.polyvirt.spec.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The portfolio's migration plan: every workload's move from its current placement to the
 * planner's recommendation, ordered by value per unit of effort (three years of savings net of
 * the one-time cost, per person-week), the best first, and scheduled one after another.
 */
public record Roadmap(List<Migration> migrations, MigrationSettings settings) {
  /** Weeks in a month (52.14 / 12). */
  static final double WEEKS_PER_MONTH = 52.143 / 12;
  /** Months of savings the roadmap's value counts. */
  static final int VALUE_MONTHS = 36;

  public Roadmap {
    migrations = List.copyOf(migrations);
  }

  /** Plans the moves of {@code plan}'s workloads from {@code current}. */
  public static Roadmap of(Plan plan, CurrentPlacement current) {
    MigrationSettings s = current.settings();
    List<Migration> unscheduled = new ArrayList<>();
    for (WorkloadPlan w : plan.workloads()) {
      String name = w.workload().workload().name();
      CurrentPlacement.Placement from = current.placements().get(name);
      if (from == null || w.recommendation().model().isEmpty()) continue;
      unscheduled.add(migration(w, from, w.recommendation().model().get(), s));
    }
    List<Migration> ordered = unscheduled.stream().sorted(Comparator
        .comparing((Migration m) -> m.strategy() == Strategy.STAY)
        .thenComparing(m -> m.paybackMonth().isEmpty())
        .thenComparing(Comparator.comparingDouble(Migration::valuePerWeek).reversed())
        .thenComparing(Migration::workload)).toList();
    List<Migration> scheduled = new ArrayList<>();
    double week = 0;
    for (Migration m : ordered) {
      scheduled.add(schedule(m, week));
      week += m.weeks();
    }
    return new Roadmap(scheduled, s);
  }

  private static Migration migration(WorkloadPlan w, CurrentPlacement.Placement from, String target, MigrationSettings s) {
    Workload wl = w.workload().workload();
    boolean stateful = wl.requirements().state().equals("stateful");
    Strategy strategy = Strategy.choose(from.model(), target, from.size(), stateful);
    double effort = strategy == Strategy.STAY ? 0 : s.personWeeks().get(strategy) * s.sizeFactors().get(from.size());
    double weeks = effort / s.teamSize();
    double targetTco = tco(w, target).orElse(0.0);
    OptionalDouble currentTco = tco(w, from.model()).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    String note = currentTco.isPresent() ? "" : "the current placement (" + from.model() + ") was not simulated: "
        + reasons(w, from.model()) + "; payback unknown";
    double targetPerWeek = targetBill(w, target) / WEEKS_PER_MONTH;
    List<Migration.PhasePlan> phases = new ArrayList<>();
    double oneTime = 0;
    for (Strategy.Phase p : strategy.phases()) {
      double pw = effort * p.effortShare();
      double calendar = pw / s.teamSize();
      // both systems run while the new one is proved: the target's bill for the parallel run, half of it while a strangler grows
      double overlap = p.name().equals("parallel run") ? calendar * targetPerWeek
          : strategy == Strategy.STRANGLER_FIG && p.name().startsWith("replace") ? 0.5 * calendar * targetPerWeek : 0;
      double cost = pw * s.costPerPersonWeek() + overlap;
      oneTime += cost;
      phases.add(new Migration.PhasePlan(p.name(), pw, 0, calendar, cost, p.risk()));
    }
    OptionalInt payback = OptionalInt.empty();
    double value = 0;
    if (currentTco.isPresent()) {
      double saving = currentTco.getAsDouble() - targetTco;
      value = saving * VALUE_MONTHS - oneTime;
      if (strategy == Strategy.STAY) payback = OptionalInt.of(0);
      else if (saving > 0) payback = OptionalInt.of((int) Math.ceil(weeks / WEEKS_PER_MONTH + oneTime / saving));
    }
    return new Migration(wl.name(), from.model(), target, strategy, from.size(), effort, 0, weeks, phases, oneTime, currentTco,
        targetTco, payback, effort > 0 ? value / effort : value, note);
  }

  private static Migration schedule(Migration m, double startWeek) {
    List<Migration.PhasePlan> phases = new ArrayList<>();
    double at = startWeek;
    for (Migration.PhasePlan p : m.phases()) {
      double len = p.toWeek() - p.fromWeek();
      phases.add(new Migration.PhasePlan(p.name(), p.personWeeks(), at, at + len, p.costUsd(), p.risk()));
      at += len;
    }
    return new Migration(m.workload(), m.current(), m.target(), m.strategy(), m.size(), m.personWeeks(), (int) Math.floor(startWeek),
        m.weeks(), phases, m.oneTimeUsd(), m.currentUsdPerMonth(), m.targetUsdPerMonth(), m.paybackMonth(), m.valuePerWeek(), m.note());
  }

  private static Optional<Double> tco(WorkloadPlan w, String model) {
    return w.assessment().scorecards().stream().filter(c -> c.model().equals(model)).findFirst()
        .map(Scorecard::criteria).map(c -> c.tcoUsdPerMonth());
  }

  private static double targetBill(WorkloadPlan w, String model) {
    return w.assessment().scorecards().stream().filter(c -> c.model().equals(model)).findFirst()
        .map(c -> c.criteria().infraUsdPerMonth()).orElse(0.0);
  }

  private static String reasons(WorkloadPlan w, String model) {
    return w.results().stream().filter(r -> r.model().equals(model)).findFirst()
        .map(r -> r.feasible() ? "it was simulated" : String.join("; ", r.infeasibleReasons())).orElse("it is not among the workload's candidates");
  }
}
