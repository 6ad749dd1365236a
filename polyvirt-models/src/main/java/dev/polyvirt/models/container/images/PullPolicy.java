package dev.polyvirt.models.container.images;

import java.util.List;

/**
 * A container's {@code imagePullPolicy} (Kubernetes docs, "Images — Image pull policy"):
 * {@code IfNotPresent} pulls only when the image is not on the node; {@code Always} asks the
 * registry for the image's digest every time (one round trip) and downloads only layers the node
 * lacks; {@code Never} never pulls, and a pod whose image is missing does not start
 * ({@code ErrImageNeverPull}).
 */
public enum PullPolicy {
  IF_NOT_PRESENT("IfNotPresent"),
  ALWAYS("Always"),
  NEVER("Never");

  private final String specName;

  PullPolicy(String specName) {
    this.specName = specName;
  }

  /** Returns the name the spec uses. */
  public String specName() {
    return specName;
  }

  /** Returns the spec names. */
  public static List<String> names() {
    return List.of("IfNotPresent", "Always", "Never");
  }

  /** Returns the policy named {@code name}. */
  public static PullPolicy of(String name) {
    for (PullPolicy p : values()) if (p.specName.equals(name)) return p;
    throw new IllegalArgumentException(name);
  }
}
