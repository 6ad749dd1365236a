package dev.polyvirt.models.faas;

import java.util.List;

/**
 * Which idle warm instance takes the next request (SPEC.md §2). {@code mru}, the default, is how
 * Lambda behaves and keeps the fewest instances alive; {@code lru} spreads requests and keeps
 * every instance warm; {@code random} sits between.
 */
public enum InstanceSelection {
  MRU, LRU, RANDOM;

  /** Returns the spec names. */
  public static List<String> names() {
    return List.of("mru", "lru", "random");
  }

  /** Returns the selection named {@code name}. */
  public static InstanceSelection of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
