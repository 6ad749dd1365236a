package dev.polyvirt.models.datacenter;

import dev.polyvirt.spec.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of VM placement policies by name. A new policy is one class and one line here. */
public final class PlacementPolicies {
  private static final Map<String, PlacementPolicy> POLICIES = new LinkedHashMap<>();

  static {
    register(new FirstFit());
    register(OrderedFit.bestFit());
    register(OrderedFit.worstFit());
  }

  private PlacementPolicies() {}

  private static void register(PlacementPolicy p) {
    POLICIES.put(p.name(), p);
  }

  /** Returns every policy name. */
  public static List<String> names() {
    return List.copyOf(POLICIES.keySet());
  }

  /** Returns the policy called {@code name} ("spread" is worst fit). */
  public static Optional<PlacementPolicy> get(String name) {
    return Optional.ofNullable(POLICIES.get(name.equals("spread") ? "worst-fit" : name));
  }

  /** Returns the policy called {@code name}, or throws naming the known ones (and the closest). */
  public static PlacementPolicy require(String name) {
    return get(name).orElseThrow(() -> new IllegalArgumentException("unknown placement policy '" + name + "'"
        + Fields.suggestion(name, names()).map(s -> ", did you mean '" + s + "'?").orElse("")
        + " known: " + String.join(", ", names())));
  }
}
