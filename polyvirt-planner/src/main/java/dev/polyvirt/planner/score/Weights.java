package dev.polyvirt.planner.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each criterion counts in the weighted choice ({@code planner: {weights: {...}}}).
 * Weights need not sum to 1: scores are divided by their sum. The defaults make money (total
 * cost of ownership, ops labour included) the main criterion and let the others break near-ties,
 * as seed 002 §4.4's framework does (workload traits first, then operations, compliance, finance).
 */
public record Weights(double cost, double latency, double coldStarts, double availability, double operations,
    double isolation, double portability) {
  /** The criteria's names as the spec writes them, in order. */
  public static final List<String> NAMES =
      List.of("cost", "latency", "coldStarts", "availability", "operations", "isolation", "portability");

  /** The defaults: cost 0.6, latency 0.1, availability 0.1, and 0.05 for each of the rest. */
  public static Weights defaults() {
    return new Weights(0.6, 0.1, 0.05, 0.1, 0.05, 0.05, 0.05);
  }

  /** Returns the weights by name, in {@link #NAMES} order. */
  public Map<String, Double> byName() {
    Map<String, Double> m = new LinkedHashMap<>();
    double[] v = {cost, latency, coldStarts, availability, operations, isolation, portability};
    for (int i = 0; i < v.length; i++) m.put(NAMES.get(i), v[i]);
    return m;
  }

  /** Returns the weights with {@code name} set to {@code value}. */
  public Weights with(String name, double value) {
    Map<String, Double> m = byName();
    m.put(name, value);
    return new Weights(m.get("cost"), m.get("latency"), m.get("coldStarts"), m.get("availability"), m.get("operations"),
        m.get("isolation"), m.get("portability"));
  }

  /** Returns the sum of the weights. */
  public double sum() {
    return cost + latency + coldStarts + availability + operations + isolation + portability;
  }
}
