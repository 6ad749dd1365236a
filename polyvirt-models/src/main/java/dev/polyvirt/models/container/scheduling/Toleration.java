package dev.polyvirt.models.container.scheduling;

/**
 * A pod toleration as in Kubernetes: {@code operator} {@code Equal} matches key and value,
 * {@code Exists} matches the key whatever the value (an empty key with {@code Exists} tolerates
 * everything); an empty {@code effect} matches every effect.
 */
public record Toleration(String key, String operator, String value, String effect) {
  /** Returns true when this toleration lets a pod onto a node carrying {@code t}. */
  public boolean tolerates(Taint t) {
    if (!effect.isEmpty() && !effect.equals(t.effect())) return false;
    if (operator.equals("Exists")) return key.isEmpty() || key.equals(t.key());
    return key.equals(t.key()) && value.equals(t.value());
  }
}
