package dev.polyvirt.planner.score;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.Optional;

/**
 * The spec's {@code planner:} section: criteria weights, the labour rate that turns operational
 * hours into money, the hours themselves, and whether to search for what would flip each choice.
 *
 * <pre>
 * planner:
 *   weights: {cost: 0.6, latency: 0.1, coldStarts: 0.05, availability: 0.1, operations: 0.05, isolation: 0.05, portability: 0.05}
 *   opsRatePerHour: 75
 *   opsHoursPerMonth: {vmBase: 2, vmPerInstance: 0.5, containerBase: 1, cluster: 8, statefulContainer: 4, serverless: 1}
 *   whatIf: true
 *   patterns: {gateway: http-api}   # the API gateway priced in front of public functions: http-api or rest-api
 * </pre>
 *
 * @param opsRatePerHour USD per engineer-hour, fully loaded
 * @param whatIf whether to search, by simulation, for the traffic that would flip each choice
 * @param patterns the portfolio patterns' settings ({@code planner: {patterns: {gateway: http-api}}})
 */
public record PlannerSettings(Weights weights, double opsRatePerHour, OpsEffort ops, boolean whatIf,
    dev.polyvirt.planner.patterns.PatternSettings patterns) {
  /** Creates settings with the default portfolio-pattern settings. */
  public PlannerSettings(Weights weights, double opsRatePerHour, OpsEffort ops, boolean whatIf) {
    this(weights, opsRatePerHour, ops, whatIf, dev.polyvirt.planner.patterns.PatternSettings.defaults());
  }

  /**
   * Default labour rate: $75 per hour, an assumption (a loaded DevOps engineer-hour in the US is
   * commonly quoted at $60–100); set {@code opsRatePerHour} to your own.
   */
  public static final double DEFAULT_OPS_RATE = 75;

  /** The defaults: {@link Weights#defaults()}, $75/h, {@link OpsEffort#defaults()}, what-if search on. */
  public static PlannerSettings defaults() {
    return new PlannerSettings(Weights.defaults(), DEFAULT_OPS_RATE, OpsEffort.defaults(), true);
  }

  /** Binds the {@code planner:} node (absent means defaults), reporting every problem to {@code problems}. */
  public static PlannerSettings bind(Optional<Node> node, Problems problems) {
    PlannerSettings d = defaults();
    if (node.isEmpty()) return d;
    Optional<Fields> of = Fields.of(node.get(), problems, "planner");
    if (of.isEmpty()) return d;
    Fields f = of.get();
    Weights w = f.node("weights").flatMap(n -> Fields.of(n, problems, "planner weights")).map(wf -> {
      Weights out = d.weights();
      for (String name : Weights.NAMES) {
        java.util.OptionalDouble v = wf.decimal(name, 0, 1000);
        if (v.isPresent()) out = out.with(name, v.getAsDouble());
      }
      wf.done();
      return out;
    }).orElse(d.weights());
    if (w.sum() <= 0) problems.add(f.keyMark("weights"), "the planner weights sum to 0", "give at least one criterion a positive weight, e.g. cost: 1");
    double rate = f.decimal("opsRatePerHour", 0, 10_000).orElse(d.opsRatePerHour());
    OpsEffort ops = f.node("opsHoursPerMonth").flatMap(n -> Fields.of(n, problems, "planner opsHoursPerMonth")).map(of2 -> {
      OpsEffort e = d.ops();
      OpsEffort out = new OpsEffort(of2.decimal("vmBase", 0, 1000).orElse(e.vmBase()),
          of2.decimal("vmPerInstance", 0, 1000).orElse(e.vmPerInstance()), of2.decimal("containerBase", 0, 1000).orElse(e.containerBase()),
          of2.decimal("cluster", 0, 1000).orElse(e.cluster()), of2.decimal("statefulContainer", 0, 1000).orElse(e.statefulContainer()),
          of2.decimal("serverless", 0, 1000).orElse(e.serverless()), of2.decimal("kvmNodeGroup", 0, 1000).orElse(e.kvmNodeGroup()));
      of2.done();
      return out;
    }).orElse(d.ops());
    boolean whatIf = f.bool("whatIf").orElse(d.whatIf());
    var patterns = dev.polyvirt.planner.patterns.PatternSettings.bind(f.node("patterns"), problems);
    f.done();
    return new PlannerSettings(w.sum() <= 0 ? d.weights() : w, rate, ops, whatIf, patterns);
  }
}
