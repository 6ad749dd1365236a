package dev.polyvirt.planner.migrate;

import java.util.List;

/**
 * The migration strategies of seed 002 Table 3 (§6.4), each with its phases (share of the effort,
 * risk taken from the table's "challenges" column) and its default effort for a medium workload.
 * The person-weeks are assumptions, configurable under {@code migration: {personWeeks: ...}}.
 */
public enum Strategy {
  /** Move to cloud VMs with minimal changes: speed, low risk, limited cloud-native benefits. */
  LIFT_AND_SHIFT("lift-and-shift", 2, List.of(
      new Phase("assess and replicate", 0.3, "low"), new Phase("cut over", 0.5, "medium"), new Phase("decommission the source", 0.2, "low"))),
  /** Package in containers while keeping the VM infrastructure: gradual, partial transformation. */
  CONTAINERIZE_IN_PLACE("containerize-in-place", 4, List.of(
      new Phase("containerize and build the pipeline", 0.4, "low"), new Phase("run on a VM node pool (VM-as-platform)", 0.3, "medium"),
      new Phase("cut over", 0.3, "medium"))),
  /** Decompose into services for containers or serverless: full benefits, time-intensive, architectural change. */
  REFACTOR_AND_REARCHITECT("refactor-and-rearchitect", 10, List.of(
      new Phase("design the new architecture", 0.2, "medium"), new Phase("rebuild", 0.5, "high"),
      new Phase("parallel run", 0.2, "medium"), new Phase("cut over", 0.1, "high"))),
  /** Replace components gradually behind a facade: incremental risk, extended parallel operation. */
  STRANGLER_FIG("strangler-fig", 14, List.of(
      new Phase("put a routing facade in front", 0.15, "medium"), new Phase("replace slices one by one", 0.6, "medium"),
      new Phase("retire the legacy system", 0.25, "low"))),
  /** Nothing to move: the workload already runs where it should. */
  STAY("stay", 0, List.of());

  private final String label;
  private final double defaultPersonWeeks;
  private final List<Phase> phases;

  Strategy(String label, double defaultPersonWeeks, List<Phase> phases) {
    this.label = label;
    this.defaultPersonWeeks = defaultPersonWeeks;
    this.phases = phases;
  }

  /** Returns the name as specs and reports write it. */
  public String label() {
    return label;
  }

  /** Returns the assumed effort, in person-weeks, for a medium workload. */
  public double defaultPersonWeeks() {
    return defaultPersonWeeks;
  }

  /** Returns the phases in order. */
  public List<Phase> phases() {
    return phases;
  }

  /** Returns the strategy's risk: the highest of its phases'. */
  public String risk() {
    if (phases.stream().anyMatch(p -> p.risk().equals("high"))) return "high";
    if (phases.stream().anyMatch(p -> p.risk().equals("medium"))) return "medium";
    return "low";
  }

  /** A step of a strategy: its share of the effort and its risk. */
  public record Phase(String name, double effortShare, String risk) {}

  /**
   * Chooses how to go from {@code current} to {@code target} (seed 002 §6.4, Table 3): to VMs,
   * lift and shift; from VMs to containers, containerize in place; to serverless from a large or
   * stateful system, strangler fig (it cannot be replaced at once); to serverless otherwise, or
   * off serverless, refactor and rearchitect; between container forms, the image moves as is.
   */
  public static Strategy choose(String current, String target, String size, boolean stateful) {
    if (current.equals(target)) return STAY;
    boolean toServerless = target.equals("faas") || target.equals("serverless-container");
    boolean containerLike = current.equals("container") || current.equals("serverless-container") || current.equals("microvm");
    // microvm is the container platform with a microVM per pod: the image moves as a container's does
    boolean toContainer = target.equals("container") || target.equals("microvm");
    if (target.equals("vm")) return LIFT_AND_SHIFT;
    if (containerLike && (toContainer || target.equals("serverless-container"))) return LIFT_AND_SHIFT;
    if (toContainer && !current.equals("faas")) return CONTAINERIZE_IN_PLACE;
    if (toServerless && (size.equals("large") || stateful)) return STRANGLER_FIG;
    return REFACTOR_AND_REARCHITECT;
  }
}
