package dev.polyvirt.models.container.scheduling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of scoring policies, by the names kube-scheduler gives them (Kubernetes docs,
 * "Resource Bin Packing" and "Scheduling Framework"):
 *
 * <ul>
 *   <li>{@code LeastAllocated} — NodeResourcesFit's default strategy: mean over resources of the
 *       share left free; spreads pods.
 *   <li>{@code MostAllocated} — the bin-packing strategy: mean share requested; fills nodes first.
 *   <li>{@code BalancedAllocation} — NodeResourcesBalancedAllocation: (1 − standard deviation of the
 *       requested shares) × 100; prefers nodes whose resources are used evenly.
 * </ul>
 *
 * Adding a policy is one class (or lambda) and one line here.
 */
public final class ScoringPolicies {
  private static final Map<String, ScoringPolicy> POLICIES = new LinkedHashMap<>();

  static {
    register(named("LeastAllocated", (c, n, p) -> 100 * (1 - mean(c, n, p))));
    register(named("MostAllocated", (c, n, p) -> 100 * mean(c, n, p)));
    register(named("BalancedAllocation", ScoringPolicies::balanced));
  }

  private ScoringPolicies() {}

  private interface Score {
    double of(Cluster c, int node, PodRequest p);
  }

  private static ScoringPolicy named(String name, Score s) {
    return new ScoringPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double score(Cluster c, int node, PodRequest p) {
        return s.of(c, node, p);
      }
    };
  }

  private static void register(ScoringPolicy p) {
    POLICIES.put(p.name(), p);
  }

  /** Returns every policy name, in registration order. */
  public static List<String> names() {
    return List.copyOf(POLICIES.keySet());
  }

  /** Returns the policy called {@code name}. */
  public static Optional<ScoringPolicy> get(String name) {
    return Optional.ofNullable(POLICIES.get(name));
  }

  private static double mean(Cluster c, int node, PodRequest p) {
    double cpu = ScoringPolicy.cpuShare(c, node, p), mem = ScoringPolicy.memoryShare(c, node, p);
    double gpu = ScoringPolicy.gpuShare(c, node, p);
    return Double.isNaN(gpu) ? (cpu + mem) / 2 : (cpu + mem + gpu) / 3;
  }

  private static double balanced(Cluster c, int node, PodRequest p) {
    double cpu = ScoringPolicy.cpuShare(c, node, p), mem = ScoringPolicy.memoryShare(c, node, p);
    double gpu = ScoringPolicy.gpuShare(c, node, p);
    if (Double.isNaN(gpu)) return 100 * (1 - Math.abs(cpu - mem) / 2); // std of two values
    double m = (cpu + mem + gpu) / 3;
    return 100 * (1 - Math.sqrt(((cpu - m) * (cpu - m) + (mem - m) * (mem - m) + (gpu - m) * (gpu - m)) / 3));
  }
}
