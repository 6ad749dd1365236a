package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Uniform;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.faas.keepalive.FixedKeepAlive;
import dev.polyvirt.models.faas.keepalive.HybridHistogramPolicy;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;
import dev.polyvirt.models.faas.keepalive.KeepAliveWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hybrid histogram keep-alive inside the FaaS platform: pre-warming, idle instance time, fallback and forecast, and the timer path. */
class HybridKeepAliveTest {
  private static final long MS = SimTime.NANOS_PER_MILLI;
  private static final long MIN = SimTime.NANOS_PER_MINUTE;
  private static final long HOUR = SimTime.NANOS_PER_HOUR;
  /** 1 GB functions, so GB-seconds are instance-seconds. */
  private static final String ONE_MS = "{duration: 1ms, cpu: 50m, memory: 128Mi}";

  private static FaasRun periodic(long period, int periods, String keepAlive) {
    RunContext ctx = FaasRuns.context(SimTime.format(period * periods), 1, "{poisson: {ratePerSecond: 1}}", ONE_MS,
        "{memorySize: 1024, coldStart: 100ms, keepAlive: %s}".formatted(keepAlive));
    return FaasRuns.run(FaasRuns.withTraffic(ctx, FaasRuns.periodic(period)));
  }

  @ParameterizedTest(name = "every {0} min")
  @ValueSource(longs = {1, 2, 5, 7, 30, 90})
  void periodicTrafficIsPreWarmedJustBeforeEachRequest(long minutes) {
    // With requests every P (1 ms each), after 10 idle times the instance is unloaded after each request and pre-warmed at the 4th-bin edge x 0.9, so only the first request is cold and each period wastes P - 1 ms - pre-warm.
    long p = minutes * MIN;
    int n = 40;
    FaasRun hybrid = periodic(p, n, "hybrid");
    ModelResult.Figures f = hybrid.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(n);
    assertThat(f.coldStarts()).as("only the very first request").isEqualTo(1);
    long bin = (p - MS) / MIN;
    long preWarm = Math.round(bin * MIN * 0.9);
    // ends 0..9 see fewer than 10 idle times: standard 4 h keep-alive, the instance stays loaded (the first idle period follows a 100 ms cold start)
    double standard = (p - 101 * MS) + 9 * (p - MS);
    // ends 10..39: unloaded, re-loaded after the pre-warm (0: stays loaded), taken by the next request (or cut by the horizon, one period on)
    double histogram = (n - 10) * (p - MS - preWarm);
    assertThat(hybrid.idleInstanceGbSeconds()).isCloseTo((standard + histogram) / 1e9, within(1e-6));
    assertThat(hybrid.preWarms()).isEqualTo(preWarm > 0 ? n - 10 : 0);
    assertThat(hybrid.preWarmsTooLate()).isZero();

    FaasRun fourHours = periodic(p, n, "{fixed: 4h}");
    FaasRun tenMinutes = periodic(p, n, "aws");
    assertThat(fourHours.result().figures().orElseThrow().coldStarts()).isEqualTo(1);
    assertThat(tenMinutes.result().figures().orElseThrow().coldStarts()).isEqualTo(minutes < 10 ? 1 : n);
    assertThat(hybrid.idleInstanceGbSeconds()).isLessThanOrEqualTo(fourHours.idleInstanceGbSeconds());
    // after warm-up each period wastes P - 1 ms - 0.9 floor(P - 1 ms), at most 10 % of the period plus 0.9 bin, instead of the whole period
    assertThat((double) (p - MS - preWarm)).isLessThanOrEqualTo(0.1 * (p - MS) + 0.9 * MIN);
    if (minutes >= 5) assertThat(hybrid.idleInstanceGbSeconds()).isLessThan(0.5 * fourHours.idleInstanceGbSeconds());
  }

  @Test
  void cronTrafficStopsColdStartingAndIdlesOnlyFromPreWarmToRequest() {
    // A */5 cron job over a day: one cold start, 278 pre-warms (every end from the 11th on), and after warm-up 84 s - 1 ms idle per 5-min period.
    RunContext ctx = FaasRuns.context("1d", 3, "{schedule: {cron: \"*/5 * * * *\"}}", ONE_MS,
        "{memorySize: 1024, coldStart: 100ms, keepAlive: hybrid}");
    FaasRun r = FaasRuns.run(ctx);
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(288);
    assertThat(f.coldStarts()).isEqualTo(1);
    assertThat(r.preWarms()).isEqualTo(278);
    double idle = (300_000 - 101) + 9 * (300_000 - 1) + 278 * (84_000 - 1);
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(idle / 1000, within(1e-6));
    assertThat(f.avgInstances()).as("alive 84 s of every 300 s after warm-up").isCloseTo((idle / 1000 + 0.1 + 288 * 0.001) / 86_400, within(1e-9));
    assertThat(r.result().notes()).anySatisfy(n -> assertThat(n).contains("278 from the histogram, 10 standard (4h), 0 forecast"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void gapsOf20To40MinutesArePreWarmedWhereAFixedTenMinutesIsAlwaysCold(long seed) {
    // Gaps uniform in 20-40 min: the 5th percentile (~21 min) sets a pre-warm of ~18.9 min and the 99th (~40 min) a reach of ~44 min, so requests find a pre-warmed instance; a 10-min keep-alive misses every one.
    RunContext ctx = FaasRuns.withTraffic(FaasRuns.context("14d", seed, "{poisson: {ratePerSecond: 1}}", ONE_MS,
        "{memorySize: 1024, coldStart: 100ms, keepAlive: hybrid}"), FaasRuns.gaps(new Uniform(20 * MIN, 40 * MIN)));
    FaasRun hybrid = FaasRuns.run(ctx);
    FaasRun aws = FaasRuns.run(ctx, s -> s.withKeepAlive(FixedKeepAlive.AWS));
    FaasRun fourHours = FaasRuns.run(ctx, s -> s.withKeepAlive(FixedKeepAlive.of(4 * HOUR)));
    ModelResult.Figures f = hybrid.result().figures().orElseThrow();
    assertThat(f.requests()).isGreaterThan(600);
    assertThat(aws.result().figures().orElseThrow().coldStarts()).isEqualTo(f.requests());
    assertThat(f.coldStarts()).as("cold only while the 99th percentile is still being learnt").isLessThan(f.requests() / 50);
    assertThat(hybrid.preWarms()).isGreaterThan(f.requests() * 9 / 10);
    // idle per gap ~ E[gap] - 18.9 min = 11.1 min, against the whole 30-min gap for a 4-h keep-alive
    double perGap = hybrid.idleInstanceGbSeconds() / f.requests();
    assertThat(perGap).isBetween(9.0 * 60, 13.5 * 60);
    assertThat(hybrid.idleInstanceGbSeconds()).isLessThan(0.45 * fourHours.idleInstanceGbSeconds());
  }

  @Test
  void idleTimesBeyondTheRangeAreForecast() {
    // Every 6 h (beyond the 4-h range): the first 11 requests are cold (4-h standard keep-alive), then the forecast pre-warms at 0.85 x 6 h and the rest are warm.
    FaasRun r = periodic(6 * HOUR, 40, "hybrid");
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(40);
    assertThat(f.coldStarts()).isEqualTo(11);
    assertThat(r.preWarms()).isEqualTo(30);
    // 10 standard periods idle 4 h each; 30 forecast periods idle from 0.85 f (f ~ 6 h) to the next request: ~0.9 h
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(10 * 4 * 3600 + 30 * 0.9 * 3600, within(30.0));
    assertThat(r.result().notes()).anySatisfy(n -> assertThat(n).contains("0 from the histogram, 10 standard (4h), 30 forecast"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void poissonTrafficKeepsInstancesForTheTailOfItsIdleTimes(long seed) {
    // Poisson arrivals with 8.36-min mean gaps: once learnt, no pre-warm (5th percentile 0.43 min) and a ~42.9-min reach, so ~1 % of requests are cold where a 10-min keep-alive has e^(-10/8.36) ~ 30 %.
    RunContext ctx = FaasRuns.context("30d", seed, "{poisson: {ratePerSecond: %s}}".formatted(1 / (8.36 * 60)), ONE_MS,
        "{memorySize: 1024, coldStart: 100ms, keepAlive: hybrid}");
    FaasRun hybrid = FaasRuns.run(ctx);
    FaasRun aws = FaasRuns.run(ctx, s -> s.withKeepAlive(FixedKeepAlive.AWS));
    ModelResult.Figures h = hybrid.result().figures().orElseThrow();
    ModelResult.Figures a = aws.result().figures().orElseThrow();
    // a small early histogram can put its 5th percentile (the smallest of 10-19 idle times) above 1 min: a few early pre-warms
    assertThat(hybrid.preWarms()).isLessThan(h.requests() / 50);
    assertThat(h.coldStartRate()).isBetween(0.002, 0.025);
    assertThat(a.coldStartRate()).isCloseTo(Math.exp(-10 / 8.36), within(0.03));
  }

  /** Hides a constant policy's constant window, so the platform takes its timer path. */
  private record Timed(KeepAlivePolicy inner) implements KeepAlivePolicy {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public KeepAliveWindows newRun() {
      return inner.newRun();
    }
  }

  @ParameterizedTest(name = "{0}, keep-alive {1}, seed {2}")
  @CsvSource({"mru, 20s, 1", "mru, 20s, 2", "lru, 20s, 1", "lru, 20s, 2", "random, 20s, 1", "random, 20s, 2",
      "mru, 0s, 3", "lru, 90s, 3", "random, 3s, 3", "mru, 100000d, 4"})
  void theTimerPathGivesExactlyTheLazyPathsFigures(String selection, String keepAlive, long seed) {
    // A fixed keep-alive run through the per-instance timer path (used by adaptive policies) gives the very figures of the lazy timer-free path.
    RunContext ctx = FaasRuns.context("1h", seed, "{bursts: {baseRatePerSecond: 2, burstRatePerSecond: 40, every: 20m, length: 1m}}",
        "{duration: {exponential: {mean: 500ms}}, cpu: 100m, memory: 128Mi}",
        "{memorySize: 512, keepAlive: {fixed: %s}, coldStart: 10ms, instanceSelection: %s, reservedConcurrency: 30}".formatted(keepAlive, selection));
    FaasRun lazy = FaasRuns.run(ctx);
    FaasRun timed = FaasRuns.run(ctx, s -> s.withKeepAlive(new Timed(s.keepAlive())));
    assertThat(timed.result().figures()).isEqualTo(lazy.result().figures());
    assertThat(timed.idleInstanceGbSeconds()).isEqualTo(lazy.idleInstanceGbSeconds());
    assertThat(lazy.result().figures().orElseThrow().coldStarts()).isGreaterThan(0);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"mru, 1", "mru, 2", "lru, 1", "random, 1", "random, 2"})
  void hybridUnderConcurrentBurstsLosesNoRequest(String selection, long seed) {
    // With many instances at once, every request is served exactly once, idle instance time is never negative, and warm requests skip the cold start.
    RunContext ctx = FaasRuns.context("6h", seed, "{bursts: {baseRatePerSecond: 0.02, burstRatePerSecond: 30, every: 30m, length: 2m}}",
        "{duration: {exponential: {mean: 400ms}}, cpu: 100m, memory: 128Mi}",
        "{memorySize: 1024, keepAlive: {hybrid: {minSamples: 5}}, coldStart: 100ms, instanceSelection: %s}".formatted(selection));
    FaasRun r = FaasRuns.run(ctx);
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.failed() + f.throttled()).isZero();
    assertThat(f.coldStarts()).isBetween(1L, f.requests() / 10);
    assertThat(f.peakInstances()).isGreaterThan(5);
    double instanceSeconds = f.avgInstances() * 6 * 3600;
    assertThat(r.idleInstanceGbSeconds()).isBetween(0.0, instanceSeconds);
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(instanceSeconds * (1 - f.utilization()), within(1e-6 * instanceSeconds));
  }

  @Test
  void hybridPolicyIsNamedInTheNotes() {
    // The first note names the policy with its settings.
    FaasRun r = periodic(5 * MIN, 20, "{hybrid: {range: 2h, bin: 30s}}");
    assertThat(r.result().notes().get(0)).contains("keep-alive hybrid histogram (2h in 30s bins, pre-warm p5, keep-alive p99, margin 0.1");
    assertThat(HybridHistogramPolicy.DEFAULT.describe()).isEqualTo(
        "hybrid histogram (4h in 1m bins, pre-warm p5, keep-alive p99, margin 0.1, CV >= 2, >= 10 idle times)");
  }
}
