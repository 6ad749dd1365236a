package dev.polyvirt.planner.migrate;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code migration:} section of a current-placement file: person-weeks per strategy for a
 * medium workload, the factor per workload size, the cost of a person-week, and the team size.
 * Every default is an assumption to replace with your own figures.
 *
 * @param costPerPersonWeek USD; default 40 h × the planner's $75/h = $3,000
 * @param teamSize people working on one migration at a time (its calendar length is effort / team)
 */
public record MigrationSettings(Map<Strategy, Double> personWeeks, Map<String, Double> sizeFactors, double costPerPersonWeek,
    int teamSize) {
  /** Workload sizes and their default effort factors: a small one takes half a medium's effort, a large one twice. */
  public static final List<String> SIZES = List.of("small", "medium", "large");

  /** The defaults. */
  public static MigrationSettings defaults() {
    Map<Strategy, Double> weeks = new EnumMap<>(Strategy.class);
    for (Strategy s : Strategy.values()) weeks.put(s, s.defaultPersonWeeks());
    Map<String, Double> sizes = new LinkedHashMap<>(Map.of("small", 0.5, "medium", 1.0, "large", 2.0));
    return new MigrationSettings(weeks, sizes, 3000, 2);
  }

  /** Binds the {@code migration:} node (absent means defaults). */
  public static MigrationSettings bind(Optional<Node> node, Problems problems) {
    MigrationSettings d = defaults();
    if (node.isEmpty()) return d;
    Optional<Fields> of = Fields.of(node.get(), problems, "migration");
    if (of.isEmpty()) return d;
    Fields f = of.get();
    Map<Strategy, Double> weeks = new EnumMap<>(d.personWeeks());
    f.node("personWeeks").flatMap(n -> Fields.of(n, problems, "migration personWeeks")).ifPresent(w -> {
      for (Strategy s : Strategy.values()) {
        if (s != Strategy.STAY) w.decimal(s.label(), 0, 10_000).ifPresent(v -> weeks.put(s, v));
      }
      w.done();
    });
    Map<String, Double> sizes = new LinkedHashMap<>(d.sizeFactors());
    f.node("sizeFactors").flatMap(n -> Fields.of(n, problems, "migration sizeFactors")).ifPresent(w -> {
      for (String s : SIZES) w.decimal(s, 0, 100).ifPresent(v -> sizes.put(s, v));
      w.done();
    });
    double cost = f.decimal("costPerPersonWeek", 0, 1_000_000).orElse(d.costPerPersonWeek());
    int team = (int) f.integer("teamSize", 1, 1000).orElse(d.teamSize());
    f.done();
    return new MigrationSettings(weeks, sizes, cost, team);
  }
}
