package dev.polyvirt.models.pool;

import java.util.List;

/**
 * How requests reach servers (SPEC.md §2 {@code loadBalancer}).
 *
 * <p>{@code shared-queue}: one FIFO queue in front of all servers (an M/M/c system);
 * {@code round-robin}: each request joins the next server's own queue in turn;
 * {@code least-requests}: each request joins the server with the fewest requests in flight or
 * queued (Envoy's LEAST_REQUEST with full knowledge), ties to the lowest index;
 * {@code random-two-choices}: each request samples two ready servers at random and joins the one
 * with fewer requests (the "power of two choices", Mitzenmacher, IEEE TPDS 2001; what Envoy's
 * LEAST_REQUEST does by default, choice_count 2), ties to the first sampled.
 */
public enum LoadBalancer {
  SHARED_QUEUE("shared-queue"),
  ROUND_ROBIN("round-robin"),
  LEAST_REQUESTS("least-requests"),
  RANDOM_TWO_CHOICES("random-two-choices");

  private final String specName;

  LoadBalancer(String specName) {
    this.specName = specName;
  }

  /** Returns the name the spec uses. */
  public String specName() {
    return specName;
  }

  /** Returns the spec names of all balancers. */
  public static List<String> names() {
    return List.of("shared-queue", "round-robin", "least-requests", "random-two-choices");
  }

  /** Returns the balancer with spec name {@code name}. */
  public static LoadBalancer of(String name) {
    for (LoadBalancer b : values()) if (b.specName.equals(name)) return b;
    throw new IllegalArgumentException(name);
  }
}
