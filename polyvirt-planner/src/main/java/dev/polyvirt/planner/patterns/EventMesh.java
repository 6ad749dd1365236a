package dev.polyvirt.planner.patterns;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.metrics.StepSeries;
import dev.polyvirt.models.ModelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What putting an event bus between producers and an event-driven consumer buys (seed 002 §6.3,
 * "event mesh architectures enable cross-paradigm communication through message brokers"),
 * measured on the simulations the plan already ran:
 *
 * <ul>
 *   <li><b>Placement</b> (priced in the event-mesh option): the producer's call ends when the bus
 *       accepts the event, so the consumer's own p99 no longer binds the caller; a model that
 *       misses the synchronous latency target but handles every event within the event delay
 *       (and loses at most 0.1 %) may host it. Whether that changes the placement is read off the
 *       simulated p99s and losses.
 *   <li><b>Smoothing</b> (stated, not priced): with a queue in front, a consumer needs only the
 *       steady rate that drains every backlog within the event delay, not the arrivals' peak. The
 *       rate comes from a fluid queue over the simulated arrivals series (200 buckets: bursts
 *       shorter than a bucket are averaged into it). Pricing a consumer sized for that rate would
 *       need a new simulation with a fixed smaller fleet, which the patterns do not run; the
 *       figure says how much headroom the bus would let go.
 * </ul>
 *
 * <p>Not modelled: retries of failed deliveries beyond what the FaaS model's asynchronous
 * invocation already simulates, replay, fan-out to several consumers.
 */
final class EventMesh {
  private EventMesh() {}

  /** One event-driven workload: its synchronous recommendation, its placement behind the bus, and the models qualifying there. */
  record Consumer(String name, String recommended, String behindBus, ModelResult result, Set<String> asyncModels, OptionalLong target) {}

  /** States, for each consumer, what the bus changes. */
  static List<String> notes(List<Consumer> consumers, long delayNanos) {
    List<String> out = new ArrayList<>();
    String delay = SimTime.format(delayNanos);
    for (Consumer c : consumers) {
      StringBuilder b = new StringBuilder("event mesh, ").append(c.name()).append(": ");
      if (!c.behindBus().equals(c.recommended())) {
        b.append("behind the bus it runs on ").append(c.behindBus()).append(" instead of ").append(c.recommended())
            .append(" (misses the synchronous p99 target, handles every event within ").append(delay).append(')');
      } else if (!c.asyncModels().isEmpty()) {
        b.append(String.join(", ", c.asyncModels())).append(" would also qualify behind the bus (within ").append(delay)
            .append(") but scores lower by the planner's weights; it stays on ").append(c.recommended());
      } else if (c.target().isEmpty()) {
        b.append("no latency target, so the bus relaxes nothing (every model that serves its events already qualifies); it stays on ")
            .append(c.recommended());
      } else {
        b.append("no model that misses the p99 target of ").append(SimTime.format(c.target().getAsLong()))
            .append(" handles every event within ").append(delay).append("; it stays on ").append(c.recommended());
      }
      smoothing(c.result().series(), delayNanos).ifPresent(s -> b.append("; ").append(s));
      out.add(b.toString());
    }
    return out;
  }

  /** States the peak, mean and steady drain rates of {@code s}'s arrivals, when it has a series with a burst. */
  private static java.util.Optional<String> smoothing(ModelResult.Series s, long delayNanos) {
    if (s.buckets() == 0) return java.util.Optional.empty();
    double mean = s.arrivals().stream().mapToLong(Long::longValue).sum() / SimTime.toSeconds(s.horizonNanos());
    double peak = peakRate(s);
    if (mean <= 0 || peak < mean * 1.5) return java.util.Optional.empty(); // steady arrivals: nothing to smooth
    double steady = steadyRate(s, SimTime.toSeconds(delayNanos));
    return java.util.Optional.of(String.format(Locale.ROOT, "arrivals peak at %.3g/s (per %s bucket) against a %.3g/s mean; "
        + "behind the bus a consumer serving %.3g/s steadily would handle every event within %s (%.0f %% less capacity than the peak; "
        + "fluid bound on the simulated arrivals, not priced: sizing a smaller fleet needs a new simulation)", peak,
        SimTime.format(s.bucketNanos()), mean, steady, SimTime.format(delayNanos), 100 * (1 - steady / peak)));
  }

  /** Returns the highest arrival rate of one bucket, per second. */
  static double peakRate(ModelResult.Series s) {
    double peak = 0;
    for (int k = 0; k < s.buckets(); k++) peak = Math.max(peak, s.arrivals().get(k) / width(s, k));
    return peak;
  }

  /**
   * Returns the least steady service rate (per second) under which a fluid queue fed by the
   * series' arrivals never holds more than {@code delaySeconds} of work: after each bucket,
   * backlog = max(0, backlog + arrivals − rate × width), and backlog / rate ≤ delay. Found by
   * bisection between the mean rate (too little unless arrivals are even) and the peak bucket rate
   * (never a backlog).
   */
  static double steadyRate(ModelResult.Series s, double delaySeconds) {
    double lo = 0, hi = peakRate(s);
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (drains(s, mid, delaySeconds)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  private static boolean drains(ModelResult.Series s, double rate, double delaySeconds) {
    if (rate <= 0) return false;
    double backlog = 0;
    for (int k = 0; k < s.buckets(); k++) {
      backlog = Math.max(0, backlog + s.arrivals().get(k) - rate * width(s, k));
      if (backlog / rate > delaySeconds) return false;
    }
    return true;
  }

  private static double width(ModelResult.Series s, int k) {
    int n = s.buckets();
    return SimTime.toSeconds(StepSeries.boundary(s.horizonNanos(), n, k + 1) - StepSeries.boundary(s.horizonNanos(), n, k));
  }
}
