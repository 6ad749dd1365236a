package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asynchronous invocation as the AWS Lambda Developer Guide describes it ("How Lambda handles
 * errors and retries with asynchronous invocation"): timeouts retried after 1 and 2 min,
 * throttles after 1 s doubling to 5 min, events discarded at the maximum event age.
 */
class AsyncInvocationTest {
  private static final long S = SimTime.NANOS_PER_SECOND;

  private static FaasRun run(String request, String faas, long... arrivalsNanos) {
    RunContext ctx = FaasRuns.withTraffic(FaasRuns.context("1d", 1, "{poisson: {ratePerSecond: 1}}", request, faas), new At(arrivalsNanos));
    return FaasRuns.run(ctx);
  }

  private static double metric(FaasRun r, String name) {
    return r.result().metrics().get(name);
  }

  @ParameterizedTest(name = "{0} retries")
  @CsvSource({"2, 3", "1, 2", "0, 1"})
  void aTimedOutEventIsTriedUpToMaximumRetryAttemptsPlusOneTimes(int retries, int attempts) {
    // A 20-s request with a 10-s timeout times out on every attempt: tried 1 + maximumRetryAttempts times, billed each time, failed once.
    FaasRun r = run("{duration: 20s, cpu: 100m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 0ms, timeout: 10s, invocation: async, maximumRetryAttempts: %d}".formatted(retries), 0);
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(1);
    assertThat(f.failed()).isEqualTo(1);
    assertThat(f.timedOut()).isEqualTo(1);
    assertThat(metric(r, "asyncErrorRetries")).isEqualTo(retries);
    assertThat(metric(r, "eventsFailed")).isEqualTo(1);
    // each attempt bills one request: $0.20 per million (aws-us-east-1)
    assertThat(f.costUsd().requests().doubleValue()).isEqualTo(attempts * 0.2e-6);
  }

  @Test
  void retriesFollowOneThenTwoMinutesAfterTheFailedAttempt() {
    // Attempts run 0-10 s, 70-80 s (60 s after the first ended) and 200-210 s (120 s after the second), all on one instance
    // kept warm in between, which then idles its 10-min keep-alive: alive 810 s in all, one cold start.
    FaasRun r = run("{duration: 20s, cpu: 100m, memory: 128Mi}", "{memorySize: 1024, coldStart: 0ms, timeout: 10s, invocation: async}", 0);
    assertThat(r.result().figures().orElseThrow().avgInstances() * 86_400).isCloseTo(210 + 600, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.result().figures().orElseThrow().coldStarts()).isEqualTo(1);
  }

  @Test
  void aRetryBeyondTheMaximumEventAgeIsNotMade() {
    // With maximumEventAge 60s, the first retry (due at 70 s) is too old: one attempt only.
    FaasRun r = run("{duration: 20s, cpu: 100m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 0ms, timeout: 10s, invocation: async, maximumEventAge: 60s}", 0);
    assertThat(metric(r, "asyncErrorRetries")).isZero();
    assertThat(r.result().figures().orElseThrow().failed()).isEqualTo(1);
  }

  @Test
  void aThrottledEventIsRetriedAfter1Then2Then4Then8Seconds() {
    // Reserved concurrency 1, two 10-s events at 0: the second is throttled at 0, 1, 3 and 7 s and runs at 15 s, so its latency is 25 s; synchronously it is lost.
    String request = "{duration: 10s, cpu: 100m, memory: 128Mi}";
    FaasRun async = run(request, "{memorySize: 1024, coldStart: 0ms, reservedConcurrency: 1, invocation: async}", 0, 0);
    ModelResult.Figures f = async.result().figures().orElseThrow();
    assertThat(f.completed()).isEqualTo(2);
    assertThat(f.throttled()).isZero();
    assertThat(metric(async, "asyncThrottleRetries")).isEqualTo(4);
    assertThat(f.latencyMs().max()).isBetween(24_990.0, 25_010.0);
    assertThat(f.coldStarts()).as("the second takes the first's warm instance").isEqualTo(1);
    FaasRun sync = run(request, "{memorySize: 1024, coldStart: 0ms, reservedConcurrency: 1}", 0, 0);
    assertThat(sync.result().figures().orElseThrow().throttled()).isEqualTo(1);
    assertThat(sync.result().metrics()).doesNotContainKey("asyncRetries");
  }

  @Test
  void throttleIntervalsDoubleUpToFiveMinutes() {
    // 1, 2, 4, ... 256 s, then 300 s (the maximum) from the tenth throttle on.
    assertThat(List.of(1, 2, 3, 9, 10, 11, 40).stream().map(InvocationPolicy::throttleDelay).map(d -> d / S).toList())
        .containsExactly(1L, 2L, 4L, 256L, 300L, 300L, 300L);
  }

  @Test
  void eventsStillThrottledAtTheirMaximumAgeExpireAndAreCountedThrottled() {
    // One instance, a 10-s event every second for 10 min and a 2-min maximum age: the queue never drains, most events expire, none is lost unaccounted.
    long[] at = new long[600];
    for (int i = 0; i < at.length; i++) at[i] = i * S;
    FaasRun r = run("{duration: 10s, cpu: 100m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 0ms, reservedConcurrency: 1, invocation: async, maximumEventAge: 2m}", at);
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(600);
    assertThat(f.completed() + f.failed() + f.throttled()).isEqualTo(600);
    assertThat(f.throttled()).isEqualTo((long) metric(r, "eventsExpired")).isGreaterThan(400);
    assertThat(f.completed()).isBetween(50L, 75L);
    assertThat(f.latencyMs().max()).isLessThanOrEqualTo(130_000.0);
  }

  @Test
  void accountConcurrencyCapsAFunctionWithoutReservedConcurrency() {
    // accountConcurrency 2 with no reservedConcurrency: the third of three simultaneous synchronous requests is throttled.
    FaasRun r = run("{duration: 10s, cpu: 100m, memory: 128Mi}", "{memorySize: 1024, coldStart: 0ms, accountConcurrency: 2}", 0, 0, 0);
    assertThat(r.result().figures().orElseThrow().throttled()).isEqualTo(1);
  }

  @Test
  void settingsAreValidatedAtTheirKeys() {
    // AWS accepts a maximum event age of 60 s to 6 h and 0-2 retries; reserved concurrency cannot exceed the account's.
    String yaml = Runs.spec("1h", """
        runtime: python
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms}
        candidates: [faas]
        models:
          faas: {maximumEventAge: 7h, maximumRetryAttempts: 3, invocation: later, accountConcurrency: 50, reservedConcurrency: 60}
        """);
    var problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).extracting(p -> p.message()).anySatisfy(m -> assertThat(m).contains("'maximumEventAge' must be between 60s and 6h"))
        .anySatisfy(m -> assertThat(m).contains("maximumRetryAttempts"))
        .anySatisfy(m -> assertThat(m).contains("invocation"))
        .anySatisfy(m -> assertThat(m).contains("reservedConcurrency (60) exceeds accountConcurrency (50)"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"http, false", "queue, true", "event, true", "storage, true", "timer, true", "orchestration, true", "others, true",
      "unknown, false", "http+queue, false"})
  void withoutInvocationTheTraceTriggerDecides(String triggers, boolean async) {
    // Azure 2019 triggers other than http are asynchronous; a workload mixing http with others, an unknown trigger and synthetic traffic are synchronous.
    assertThat(InvocationPolicy.DEFAULT.asynchronous(new Triggered(triggers.split("\\+")))).isEqualTo(async);
    assertThat(InvocationPolicy.DEFAULT.asynchronous(new At(0))).isFalse();
    InvocationPolicy sync = new InvocationPolicy(InvocationPolicy.Mode.SYNC, InvocationPolicy.MAX_EVENT_AGE, 2, java.util.OptionalInt.empty());
    assertThat(sync.asynchronous(new Triggered(triggers.split("\\+")))).isFalse();
  }

  /** A trace replay that only names its functions' triggers. */
  private record Triggered(String... triggers) implements dev.polyvirt.traffic.trace.TraceTraffic {
    @Override
    public dev.polyvirt.traffic.trace.TraceQuery query() {
      return dev.polyvirt.traffic.trace.TraceQuery.of("csv", java.nio.file.Path.of("t.csv"));
    }

    @Override
    public List<dev.polyvirt.traffic.trace.TraceFunction> functions() {
      return java.util.Arrays.stream(triggers).map(t -> new dev.polyvirt.traffic.trace.TraceFunction("f" + t, "a", t, 1)).toList();
    }

    @Override
    public long span() {
      return S;
    }

    @Override
    public dev.polyvirt.traffic.trace.TraceArrivals arrivals(UniformRandomProvider rng, long horizonNanos) {
      throw new UnsupportedOperationException("not replayed");
    }

    @Override
    public double meanRatePerSecond(long horizonNanos) {
      return 1;
    }

    @Override
    public double peakRatePerSecond() {
      return 1;
    }

    @Override
    public String describe() {
      return "test triggers";
    }
  }

  /** Arrivals at the given instants. */
  private record At(long... times) implements Traffic {
    @Override
    public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
      return new ArrivalProcess() {
        int i;

        @Override
        public long next() {
          return i < times.length && times[i] < horizonNanos ? times[i++] : NONE;
        }
      };
    }

    @Override
    public double meanRatePerSecond(long horizonNanos) {
      return times.length / SimTime.toSeconds(horizonNanos);
    }

    @Override
    public double peakRatePerSecond() {
      return times.length;
    }

    @Override
    public String describe() {
      return "test instants";
    }
  }
}
