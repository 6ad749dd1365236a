package dev.polyvirt.models.container;

/**
 * A Deployment's {@code strategy.rollingUpdate}: {@code maxSurge} and {@code maxUnavailable}, each
 * a pod count or a percentage of the replicas ("25%", the Kubernetes default for both). As the
 * deployment controller resolves them: a surge percentage rounds up, an unavailability
 * percentage rounds down, and if both come to 0 one pod may be unavailable (Kubernetes docs,
 * "Deployments — Max Surge / Max Unavailable"; {@code ResolveFenceposts} in the controller).
 */
public record RolloutStrategy(String maxSurge, String maxUnavailable) {
  /** Kubernetes' default: 25 % and 25 %. */
  public static final RolloutStrategy DEFAULT = new RolloutStrategy("25%", "25%");

  /** Returns true when {@code text} is a pod count or a percentage. */
  public static boolean valid(String text) {
    return text.matches("\\d{1,6}") || text.matches("\\d{1,3}%") && Integer.parseInt(text.substring(0, text.length() - 1)) <= 100;
  }

  /** Returns maxSurge in pods for {@code replicas}. */
  public int surge(int replicas) {
    return resolve(maxSurge, replicas, true);
  }

  /** Returns maxUnavailable in pods for {@code replicas} (at least 1 when the surge is 0). */
  public int unavailable(int replicas) {
    int u = resolve(maxUnavailable, replicas, false);
    return u == 0 && surge(replicas) == 0 ? 1 : u;
  }

  private static int resolve(String v, int replicas, boolean up) {
    if (!v.endsWith("%")) return Integer.parseInt(v);
    int pct = Integer.parseInt(v.substring(0, v.length() - 1));
    return up ? (replicas * pct + 99) / 100 : replicas * pct / 100;
  }
}
