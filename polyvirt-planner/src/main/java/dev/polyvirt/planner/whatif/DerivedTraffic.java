package dev.polyvirt.planner.whatif;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.traffic.Traffic;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A what-if traffic built on a workload's own: everything the search does not change is the base
 * traffic's, so {@link ScaledTraffic} and {@link StretchedTraffic} state only what they alter.
 */
interface DerivedTraffic extends Traffic {
  /** Returns the workload's own traffic. */
  Traffic base();

  @Override
  default double meanRatePerSecond(long horizonNanos) {
    return base().meanRatePerSecond(horizonNanos);
  }

  @Override
  default double peakRatePerSecond() {
    return base().peakRatePerSecond();
  }

  @Override
  default double peakRequestsWithin(long windowNanos, long horizonNanos) {
    return base().peakRequestsWithin(windowNanos, horizonNanos);
  }

  @Override
  default boolean random() {
    return base().random();
  }

  @Override
  default Optional<Distribution> duration() {
    return base().duration();
  }

  @Override
  default OptionalLong memoryBytes() {
    return base().memoryBytes();
  }

  @Override
  default boolean carriesDurations() {
    return base().carriesDurations();
  }

  @Override
  default OptionalLong spanNanos() {
    return base().spanNanos();
  }
}
