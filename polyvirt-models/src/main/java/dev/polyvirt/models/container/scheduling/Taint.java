package dev.polyvirt.models.container.scheduling;

/**
 * A node taint ({@code key=value:effect}); only {@code NoSchedule} and {@code NoExecute} keep
 * pods off at scheduling time ({@code PreferNoSchedule} is a soft preference, not modelled).
 */
public record Taint(String key, String value, String effect) {
  /** Returns true when this taint repels pods that do not tolerate it. */
  public boolean repels() {
    return effect.equals("NoSchedule") || effect.equals("NoExecute");
  }
}
