package dev.polyvirt.models.faas;

import dev.polyvirt.models.ResultAssembly;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Power tuning, simulated: what AWS Lambda Power Tuning (alexcasalboni/aws-lambda-power-tuning)
 * does by invoking the real function at several memory sizes, done here by simulating every size
 * on the same requests. {@code models.faas.memorySize} is then a list, e.g.
 * {@code [128, 256, 512, 1024, 1769, 3008]}, and {@code models.faas.powerTuning: {objective:
 * cost | speed | balanced, weight: 0.5}} says which size wins:
 *
 * <ul>
 *   <li>{@code cost} (the default, as in Power Tuning): the lowest cost per month; ties go to the
 *       lower p99, then to the smaller size;
 *   <li>{@code speed}: the lowest p99 latency; ties go to the lower cost, then the smaller size
 *       (Power Tuning ranks by average duration; here p99, the figure workloads set targets on);
 *   <li>{@code balanced}: the lowest {@code weight × cost / max cost + (1 − weight) × p99 / max p99},
 *       the maxima taken over the sizes considered. This is Power Tuning's {@code balanced}
 *       strategy ({@code findBalanced} in {@code lambda/analyzer.js}: {@code weight * cost / maxCost
 *       + (1 - weight) * duration / maxDuration}, weight 1 = cheapest, 0 = fastest, default 0.5),
 *       with p99 in place of its average duration.
 * </ul>
 *
 * <p>Only sizes that serve the workload compete: a size that loses more than 0.1 % of requests
 * (failed, throttled or timed out; the planner's own threshold) or misses the workload's
 * {@code latencyP99} (when set) is not eligible, unless no size is eligible, in which case every
 * size competes and the result's notes say so.
 *
 * @param memorySizesMb the sizes to compare, ascending and distinct (empty: no tuning)
 * @param coldStarts the cold-start distribution of each size, in the same order (the runtime
 *     defaults depend on memory, {@link ColdStarts}; a {@code coldStart} setting applies to all)
 * @param objective what the best size minimises
 * @param weight for {@code balanced}: the weight of cost against p99, 0–1
 */
public record PowerTuning(List<Integer> memorySizesMb, List<Distribution> coldStarts, Objective objective, double weight) {
  /** No tuning: {@code memorySize} is a single number. */
  public static final PowerTuning NONE = new PowerTuning(List.of(), List.of(), Objective.COST, 0.5);
  /** Share of requests a size may lose and still be eligible: the planner's rule ({@link dev.polyvirt.models.Eligibility}). */
  public static final double MAX_LOSS = dev.polyvirt.models.Eligibility.MAX_LOSS;
  /** The name of the table the {@code faas} result carries the curve in. */
  public static final String TABLE = "powerTuning";

  public PowerTuning {
    memorySizesMb = List.copyOf(memorySizesMb);
    coldStarts = List.copyOf(coldStarts);
    if (memorySizesMb.size() != coldStarts.size()) throw new IllegalArgumentException("one cold-start distribution per size");
    if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
  }

  /** Returns true when several sizes are compared. */
  public boolean enabled() {
    return !memorySizesMb.isEmpty();
  }

  /** Describes the objective for notes, e.g. "cost" or "balanced (weight 0.5)". */
  public String describe() {
    return objective == Objective.BALANCED ? String.format(Locale.ROOT, "balanced (weight %s)", ResultAssembly.figure(weight))
        : objective.spec();
  }

  /** What the best size minimises. */
  public enum Objective {
    COST, SPEED, BALANCED;

    /** Returns the name specs write. */
    public String spec() {
      return name().toLowerCase(Locale.ROOT);
    }

    static List<String> names() {
      return List.of("cost", "speed", "balanced");
    }
  }

  /**
   * One size's figures as the choice sees them.
   *
   * @param memoryMb the size
   * @param costUsdPerMonth its cost per month
   * @param p99Ms its p99 latency
   * @param eligible whether it served the workload (loss within {@link #MAX_LOSS}, p99 within the target)
   */
  public record Point(int memoryMb, double costUsdPerMonth, double p99Ms, boolean eligible) {}

  /**
   * Returns the index of the best point under {@code objective}: among the eligible points, or
   * among all when none is eligible.
   */
  public static int choose(List<Point> points, Objective objective, double weight) {
    if (points.isEmpty()) throw new IllegalArgumentException("no sizes to choose from");
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) if (points.get(i).eligible()) pool.add(i);
    if (pool.isEmpty()) for (int i = 0; i < points.size(); i++) pool.add(i);
    Comparator<Integer> byCost = Comparator.comparingDouble(i -> points.get(i).costUsdPerMonth());
    Comparator<Integer> byP99 = Comparator.comparingDouble(i -> points.get(i).p99Ms());
    Comparator<Integer> bySize = Comparator.comparingInt(i -> points.get(i).memoryMb());
    Comparator<Integer> order = switch (objective) {
      case COST -> byCost.thenComparing(byP99);
      case SPEED -> byP99.thenComparing(byCost);
      case BALANCED -> {
        double maxCost = pool.stream().mapToDouble(i -> points.get(i).costUsdPerMonth()).max().orElse(0);
        double maxP99 = pool.stream().mapToDouble(i -> points.get(i).p99Ms()).max().orElse(0);
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> balanced(points.get(i), weight, maxCost, maxP99));
        yield byScore.thenComparing(byCost);
      }
    };
    return pool.stream().min(order.thenComparing(bySize)).orElseThrow();
  }

  /** Returns Power Tuning's balanced value of {@code p}: weight × cost / max cost + (1 − weight) × p99 / max p99 (0 where a maximum is 0). */
  public static double balanced(Point p, double weight, double maxCost, double maxP99) {
    double cost = maxCost > 0 ? p.costUsdPerMonth() / maxCost : 0;
    double p99 = maxP99 > 0 ? p.p99Ms() / maxP99 : 0;
    return weight * cost + (1 - weight) * p99;
  }

  /** Binds {@code powerTuning: {objective: cost | speed | balanced, weight: 0.5}} (sizes and cold starts come from memorySize). */
  static Optional<PowerTuning> bind(Node node, Problems problems) {
    return Fields.of(node, problems, "models.faas.powerTuning").map(f -> {
      Objective objective = f.oneOf("objective", Objective.names()).map(o -> Objective.valueOf(o.toUpperCase(Locale.ROOT)))
          .orElse(Objective.COST);
      double weight = f.decimal("weight", 0, 1).orElse(NONE.weight());
      f.done();
      return new PowerTuning(List.of(), List.of(), objective, weight);
    });
  }

  /** Returns these choices applied to {@code sizes} with their cold starts. */
  PowerTuning withSizes(List<Integer> sizes, List<Distribution> colds) {
    return new PowerTuning(sizes, colds, objective, weight);
  }

  /**
   * Reads {@code memorySize} written as a list: every item a whole number of MB within Lambda's
   * limits (128–10,240 MB in 1 MB steps, figures.md "FaaS"), each at most once; a problem is
   * reported at the mark of each item that is not. Returns the valid sizes, ascending.
   */
  static List<Integer> sizes(Node.ListNode list, int minMb, int maxMb, Problems problems) {
    if (list.items().isEmpty()) {
      problems.add(list.mark(), "'memorySize' lists no sizes", "write one size, or several to compare: memorySize: [128, 512, 1024, 1769]");
    }
    Set<Integer> seen = new HashSet<>();
    List<Integer> out = new ArrayList<>();
    for (Node item : list.items()) {
      if (!(item instanceof Node.Scalar s) || s.text() == null) {
        problems.add(item.mark(), "each 'memorySize' in the list must be a whole number of MB, found " + item.kind(),
            "write the sizes on one line: memorySize: [128, 512, 1024]");
        continue;
      }
      long mb;
      try {
        mb = Long.parseLong(s.text().strip().replace("_", ""));
      } catch (NumberFormatException e) {
        problems.add(item.mark(), "each 'memorySize' in the list must be a whole number of MB, found '" + s.text() + "'",
            "Lambda sets memory in 1 MB steps, without units, e.g. 1024");
        continue;
      }
      if (mb < minMb || mb > maxMb) {
        problems.add(item.mark(), "each 'memorySize' in the list must be between " + minMb + " and " + maxMb
            + " MB (Lambda's limits), found " + mb, "e.g. " + Math.max(minMb, Math.min(maxMb, Math.abs(mb))));
        continue;
      }
      if (!seen.add((int) mb)) {
        problems.add(item.mark(), "'memorySize' lists " + mb + " MB twice", "list each size once");
        continue;
      }
      out.add((int) mb);
    }
    out.sort(null);
    return out;
  }
}
