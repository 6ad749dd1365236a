package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.traffic.Traffic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds what the asynchronous event queue did to a FaaS run: a note, and the named metrics
 * {@code asyncRetries} (attempts after the first), {@code asyncThrottleRetries},
 * {@code asyncErrorRetries}, {@code eventsExpired} (discarded still throttled at the maximum event
 * age; also counted throttled) and {@code eventsFailed} (discarded after every attempt timed out;
 * also counted failed). Latencies already include the time events waited for their retries.
 */
final class AsyncFigures {
  private AsyncFigures() {}

  static FaasRun addTo(FaasRun run, AsyncEvents events, InvocationPolicy policy, Traffic traffic) {
    ModelResult r = run.result();
    String trigger = InvocationPolicy.trigger(traffic);
    String note = "invoked asynchronously" + (trigger.isEmpty() ? "" : " (" + trigger + " trigger)") + ": "
        + (events.throttleRetries + events.errorRetries) + " retries (" + events.throttleRetries + " after throttles, "
        + events.errorRetries + " after timeouts), " + events.expired + " events expired at the maximum age of "
        + SimTime.format(policy.maximumEventAgeNanos()) + ", " + events.failedEvents + " failed all "
        + (policy.maximumRetryAttempts() + 1) + " attempts; latency includes the wait for retries";
    Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
    metrics.put("asyncRetries", (double) (events.throttleRetries + events.errorRetries));
    metrics.put("asyncThrottleRetries", (double) events.throttleRetries);
    metrics.put("asyncErrorRetries", (double) events.errorRetries);
    metrics.put("eventsExpired", (double) events.expired);
    metrics.put("eventsFailed", (double) events.failedEvents);
    ModelResult withAsync = r.withMetrics(metrics).withNotes(List.of(note));
    return new FaasRun(withAsync, run.pings(), run.idleInstanceGbSeconds(), run.preWarms(), run.preWarmsTooLate());
  }
}
