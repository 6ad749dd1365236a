package dev.polyvirt.models;

/** A compute platform under simulation: it receives requests and manages its instances. */
public interface Platform {
  /** Accepts a request arriving now that needs {@code serviceNanos} of work. */
  void onArrival(long serviceNanos);

  /** Called once when the billed span ends, before in-flight work drains. */
  default void onHorizon() {}
}
