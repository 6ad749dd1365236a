package dev.polyvirt.models.faas;

import dev.polyvirt.models.faas.keepalive.KeepAlivePolicies;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keep-alive policies compared side by side: {@code models.faas.keepAlive} written as a list, e.g.
 * {@code keepAlive: [aws, {fixed: 20m}, hybrid]}, each item any form {@link KeepAlivePolicies}
 * accepts. Every policy is simulated on the same requests (arrivals and durations come from the
 * workload's streams, cold starts from the model's, fresh for each run), the result carries the
 * {@value #TABLE} table (one row per policy, in the order written) and the {@code faas} row is the
 * chosen policy's result ({@link KeepAliveComparisonRun}).
 *
 * <p>The choice: among the policies that lose at most 0.1 % of requests ({@link dev.polyvirt.models.Eligibility#MAX_LOSS})
 * and meet the workload's {@code latencyP99} (when set), the cheapest per month (ties: lower p99,
 * then the earlier in the list); when none qualifies, the lowest p99 (ties: lower cost, then the
 * earlier).
 *
 * <p>A keep-alive list cannot be combined with a {@code memorySize} list (it is reported at the
 * {@code keepAlive} key): compare policies at one size, or sizes under one policy.
 *
 * @param policies the policies to compare, in the order written (empty: {@code keepAlive} is a single policy)
 */
public record KeepAliveComparison(List<KeepAlivePolicy> policies) {
  /** No comparison: {@code keepAlive} is a single policy (or absent). */
  public static final KeepAliveComparison NONE = new KeepAliveComparison(List.of());
  /** The name of the table the {@code faas} result carries the comparison in. */
  public static final String TABLE = "keepAlive";

  public KeepAliveComparison {
    policies = List.copyOf(policies);
  }

  /** Returns true when policies are compared. */
  public boolean enabled() {
    return !policies.isEmpty();
  }

  /**
   * One policy's figures as the choice sees them.
   *
   * @param costUsdPerMonth its cost per month
   * @param p99Ms its p99 latency
   * @param eligible whether it served the workload (loss within 0.1 %, p99 within the target when set)
   */
  public record Point(double costUsdPerMonth, double p99Ms, boolean eligible) {}

  /**
   * Returns the index of the chosen point: the cheapest eligible one (ties: lower p99, then lower
   * index), or, when none is eligible, the one with the lowest p99 (ties: lower cost, then lower index).
   */
  public static int choose(List<Point> points) {
    if (points.isEmpty()) throw new IllegalArgumentException("no policies to choose from");
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) if (points.get(i).eligible()) pool.add(i);
    Comparator<Integer> byCost = Comparator.comparingDouble(i -> points.get(i).costUsdPerMonth());
    Comparator<Integer> byP99 = Comparator.comparingDouble(i -> points.get(i).p99Ms());
    Comparator<Integer> order = pool.isEmpty() ? byP99.thenComparing(byCost) : byCost.thenComparing(byP99);
    if (pool.isEmpty()) for (int i = 0; i < points.size(); i++) pool.add(i);
    return pool.stream().min(order.thenComparing(Comparator.naturalOrder())).orElseThrow();
  }

  /**
   * Reads {@code keepAlive} written as a list: each item bound by {@link KeepAlivePolicies#bind}
   * (its problems at its own mark); an empty list, and a policy listed twice (same
   * {@link KeepAlivePolicy#describe()}), are problems too. Returns the valid policies in order.
   */
  static List<KeepAlivePolicy> policies(Node.ListNode list, Problems problems) {
    if (list.items().isEmpty()) {
      problems.add(list.mark(), "'keepAlive' lists no policies", "write one policy, or several to compare: keepAlive: [aws, {fixed: 20m}, hybrid]");
    }
    Set<String> seen = new HashSet<>();
    List<KeepAlivePolicy> out = new ArrayList<>();
    for (Node item : list.items()) {
      Optional<KeepAlivePolicy> p = KeepAlivePolicies.bind(item, problems);
      if (p.isEmpty()) continue;
      if (!seen.add(p.get().describe())) {
        problems.add(item.mark(), "'keepAlive' lists " + p.get().describe() + " twice", "list each policy once");
        continue;
      }
      out.add(p.get());
    }
    return out;
  }
}
