package dev.polyvirt.traffic;

import dev.polyvirt.engine.dist.Distribution;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The bound traffic of one workload: a recipe for arrival streams plus the analytic figures
 * (mean and peak rate) that sizing and pricing need without running the simulation.
 *
 * <p>Each call of {@link #arrivals} starts a fresh, independent stream: replaying the same
 * generator seed yields the same arrival times, so every compute model sees identical requests.
 */
public interface Traffic {
  /** Starts a stream of arrivals in [0, {@code horizonNanos}) drawing randomness from {@code rng}. */
  ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos);

  /** Returns the expected number of requests per second averaged over [0, {@code horizonNanos}). */
  double meanRatePerSecond(long horizonNanos);

  /** Returns the highest instantaneous request rate per second the traffic ever reaches. */
  double peakRatePerSecond();

  /** Describes the traffic for reports, e.g. "Poisson 0.5/s". */
  String describe();

  /**
   * Returns the most requests expected to arrive within any window of {@code windowNanos} inside
   * [0, {@code horizonNanos}): with the window set to the mean service time this is the peak
   * offered load in Erlangs, which is what capacity is sized for.
   */
  default double peakRequestsWithin(long windowNanos, long horizonNanos) {
    return peakRatePerSecond() * Math.min(windowNanos, horizonNanos) / 1e9;
  }

  /** Returns true when arrival times are random (Poisson-like), false when they follow a fixed schedule. */
  default boolean random() {
    return true;
  }

  /** Returns the expected number of requests in [0, {@code horizonNanos}). */
  default double expectedRequests(long horizonNanos) {
    return horizonNanos <= 0 ? 0 : meanRatePerSecond(horizonNanos) * horizonNanos / 1e9;
  }

  /**
   * Returns the per-workload duration distribution the traffic supplies, e.g. the Azure Functions
   * 2019 trace's duration percentiles as an {@link dev.polyvirt.engine.dist.Empirical}; empty when
   * the workload's {@code request.duration} applies. Synthetic kinds supply none.
   */
  default Optional<Distribution> duration() {
    return Optional.empty();
  }

  /**
   * Returns the memory, in bytes, one instance of the workload needs as the traffic's source
   * recorded it (for Azure 2019, the app's 99th-percentile allocated memory); empty when
   * {@code request.memory} applies. Synthetic kinds supply none.
   */
  default OptionalLong memoryBytes() {
    return OptionalLong.empty();
  }

  /**
   * Returns true when the traffic supplies service durations: every arrival carries one
   * ({@link ArrivalProcess#durationNanos()} is never −1) or {@link #duration()} is present.
   */
  default boolean carriesDurations() {
    return duration().isPresent();
  }

  /**
   * Returns the span the traffic brings with it (a trace's recorded time, which replaces the
   * spec's {@code horizon}); empty for synthetic kinds, which run for whatever horizon is asked.
   * The horizon passed to {@link #arrivals} still bounds the stream.
   */
  default OptionalLong spanNanos() {
    return OptionalLong.empty();
  }
}
