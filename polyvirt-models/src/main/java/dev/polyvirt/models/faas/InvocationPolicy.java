package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.traffic.Traffic;
import dev.polyvirt.traffic.trace.TraceFunction;
import dev.polyvirt.traffic.trace.TraceTraffic;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a function is invoked and what limits its invocations meet: {@code models.faas.invocation},
 * {@code maximumEventAge}, {@code maximumRetryAttempts} and {@code accountConcurrency}.
 *
 * <p><b>Synchronous</b> (an HTTP request waiting for its answer): a throttled request fails at
 * once (counted throttled), a timed-out one fails. <b>Asynchronous</b> (queue, event, storage,
 * timer... triggers): Lambda queues the event and retries it, as the AWS Lambda Developer Guide
 * "How Lambda handles errors and retries with asynchronous invocation"
 * (docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html) says:
 * <ul>
 *   <li>a function error (here: a timeout) is retried twice by default, one minute after the
 *       first attempt and two minutes after the second ({@code maximumRetryAttempts}, 0–2);
 *   <li>a throttle (concurrency limit, 429) returns the event to the queue and is retried with
 *       an interval growing exponentially from 1 s after the first attempt to at most 5 min,
 *       for up to 6 h by default ({@code maximumEventAge}, 60 s–6 h, the EventInvokeConfig
 *       {@code MaximumEventAgeInSeconds} range: "Configuring error handling settings for Lambda
 *       asynchronous invocations");
 *   <li>an event older than the maximum age, or whose attempts all failed, is discarded.
 * </ul>
 * No jitter is documented, so none is added (retries draw no random numbers: every model still
 * sees the same requests). The queue's own slow-down under long backlogs ("Lambda increases the
 * retry interval and reduces the rate at which it reads events") is not modelled.
 *
 * <p>Without {@code invocation:}, a workload replayed from a trace whose functions all have an
 * asynchronous trigger (Azure 2019 Trigger column: queue, event, storage, timer, orchestration —
 * Durable Functions orchestrators are driven by queue messages — and others) is asynchronous;
 * http, unknown triggers and synthetic traffic are synchronous.
 *
 * <p>{@code accountConcurrency} is the region's concurrent-execution quota (default: the price
 * book's, 1,000 for AWS: Lambda quotas page, "Concurrent executions: 1,000"). A function without
 * reserved concurrency can use up to it; each function is simulated alone, so the quota is
 * assumed free of the portfolio's other functions.
 *
 * @param mode sync, async, or auto (from the trace's trigger)
 * @param maximumEventAgeNanos how long an asynchronous event may wait for a successful attempt
 * @param maximumRetryAttempts retries after a function error (0–2)
 * @param accountConcurrency the account's concurrency quota, empty for the price book's
 */
public record InvocationPolicy(Mode mode, long maximumEventAgeNanos, int maximumRetryAttempts, OptionalInt accountConcurrency) {
  /** How invocations are made. */
  public enum Mode { SYNC, ASYNC, AUTO }

  /** AWS's defaults: 6 h, 2 retries; mode from the trigger. */
  public static final InvocationPolicy DEFAULT = new InvocationPolicy(Mode.AUTO, 6 * SimTime.NANOS_PER_HOUR, 2, OptionalInt.empty());
  /** The shortest and longest maximum event age AWS accepts. */
  static final long MIN_EVENT_AGE = 60 * SimTime.NANOS_PER_SECOND, MAX_EVENT_AGE = 6 * SimTime.NANOS_PER_HOUR;
  /** The retry delays after the first and the second failed attempt. */
  static final long[] ERROR_RETRY_DELAYS = {SimTime.NANOS_PER_MINUTE, 2 * SimTime.NANOS_PER_MINUTE};
  /** The first and the largest retry interval after a throttle. */
  static final long FIRST_THROTTLE_DELAY = SimTime.NANOS_PER_SECOND, MAX_THROTTLE_DELAY = 5 * SimTime.NANOS_PER_MINUTE;
  /** The Azure 2019 triggers whose invocations are asynchronous. */
  static final Set<String> ASYNC_TRIGGERS = Set.of("queue", "event", "storage", "timer", "orchestration", "others");

  /** Reads the four settings from the {@code models.faas} fields, with AWS's defaults. */
  static InvocationPolicy bind(Fields f, Problems problems) {
    Mode mode = f.oneOf("invocation", List.of("sync", "async")).map(m -> Mode.valueOf(m.toUpperCase(Locale.ROOT))).orElse(Mode.AUTO);
    long age = f.duration("maximumEventAge").orElse(DEFAULT.maximumEventAgeNanos);
    if (f.has("maximumEventAge") && (age < MIN_EVENT_AGE || age > MAX_EVENT_AGE)) {
      problems.add(f.keyMark("maximumEventAge"), "'maximumEventAge' must be between 60s and 6h (AWS EventInvokeConfig)", "e.g. maximumEventAge: 1h");
    }
    int retries = (int) f.integer("maximumRetryAttempts", 0, 2).orElse(DEFAULT.maximumRetryAttempts);
    OptionalInt account = f.integer("accountConcurrency", 1, 1_000_000).stream().mapToInt(v -> (int) v).findFirst();
    return new InvocationPolicy(mode, age, retries, account);
  }

  /** Returns true when the workload's invocations are asynchronous. */
  boolean asynchronous(Traffic traffic) {
    if (mode != Mode.AUTO) return mode == Mode.ASYNC;
    if (!(traffic instanceof TraceTraffic t) || t.functions().isEmpty()) return false;
    return t.functions().stream().map(TraceFunction::trigger).allMatch(ASYNC_TRIGGERS::contains);
  }

  /** Returns the trigger of a single-trigger trace workload, or "" (for notes). */
  static String trigger(Traffic traffic) {
    if (!(traffic instanceof TraceTraffic t)) return "";
    Set<String> triggers = new java.util.LinkedHashSet<>();
    for (TraceFunction fn : t.functions()) triggers.add(fn.trigger());
    return triggers.size() == 1 ? triggers.iterator().next() : "";
  }

  /** Returns the delay before retrying an event throttled {@code throttles} times (1 s, 2 s, 4 s, ... at most 5 min). */
  static long throttleDelay(int throttles) {
    int doublings = Math.min(throttles - 1, 20);
    return Math.min(MAX_THROTTLE_DELAY, FIRST_THROTTLE_DELAY << doublings);
  }
}
