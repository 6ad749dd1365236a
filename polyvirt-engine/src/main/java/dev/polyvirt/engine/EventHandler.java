package dev.polyvirt.engine;

/** Reacts to an event that fell due; {@code payload} is whatever the scheduler attached. */
@FunctionalInterface
public interface EventHandler {
  /** Handles the event at the simulation's current time. */
  void onEvent(long payload);
}
