package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.faas.keepalive.FixedKeepAlive;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hybrid keep-alive applied to the app (Shahrad et al., ATC 2020 §4.2): the app's idle times
 * and its image, with concurrent instances on the normal instance keep-alive.
 */
class AppKeepAliveTest {
  private static final long MIN = SimTime.NANOS_PER_MINUTE;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aBusyAppIsNeverIdleLongSoHybridMatchesTheFixedKeepAliveExactly(long seed) {
    // At >= 5 requests/s of 0.5-s requests (about 10 at once in bursts) the app is never idle for a minute, so its image is never unloaded and every instance follows the 10-min instance keep-alive: the very figures of fixed 10 min.
    RunContext ctx = FaasRuns.context("6h", seed, "{bursts: {baseRatePerSecond: 5, burstRatePerSecond: 40, every: 20m, length: 2m}}",
        "{duration: {exponential: {mean: 500ms}}, cpu: 100m, memory: 128Mi}", "{memorySize: 1024, coldStart: 100ms, keepAlive: hybrid}");
    FaasRun hybrid = FaasRuns.run(ctx);
    FaasRun aws = FaasRuns.run(ctx, s -> s.withKeepAlive(FixedKeepAlive.AWS));
    ModelResult.Figures h = hybrid.result().figures().orElseThrow();
    assertThat(h.peakInstances()).isGreaterThan(10);
    assertThat(h.coldStarts()).isEqualTo(aws.result().figures().orElseThrow().coldStarts());
    assertThat(hybrid.idleInstanceGbSeconds()).isEqualTo(aws.idleInstanceGbSeconds());
    assertThat(hybrid.preWarms()).isZero();
  }

  @org.junit.jupiter.api.Test
  void burstsOfTenEveryHalfHourPreWarmTheAppsImageOnly() {
    // 40 bursts of 10 simultaneous 1-s requests, 30 min apart. One idle time per burst (the app's, not one per instance): after 10 the
    // histogram pre-warms the image at 0.9 x 29 min and keeps it to 1.1 x 30 min; the other nine instances were unloaded with the app,
    // so each burst after the first has 1 warm and 9 cold requests. Fixed 10 min cold-starts all 10 every time and idles 10 x 10 min.
    long period = 30 * MIN;
    RunContext ctx = FaasRuns.withTraffic(FaasRuns.context("20h", 1, "{poisson: {ratePerSecond: 1}}", "{duration: 1s, cpu: 50m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 100ms, keepAlive: hybrid}"), new Bursts(period, 10));
    FaasRun hybrid = FaasRuns.run(ctx);
    FaasRun aws = FaasRuns.run(ctx, s -> s.withKeepAlive(FixedKeepAlive.AWS));
    ModelResult.Figures h = hybrid.result().figures().orElseThrow();
    assertThat(h.requests()).isEqualTo(400);
    assertThat(h.coldStarts()).isEqualTo(10 + 39 * 9);
    assertThat(aws.result().figures().orElseThrow().coldStarts()).isEqualTo(400);
    assertThat(hybrid.preWarms()).isEqualTo(30);
    assertThat(hybrid.preWarmsTooLate()).isZero();
    // 10 standard ends: the image idles the whole gap (30 min - 1.1 s), the nine others 10 min each;
    // 30 histogram ends: the warm request's instance idles 0.1 s until the cold ones end and the app is unloaded, then the image
    // idles from its pre-warm (26.1 min) to the next burst (or the horizon)
    double standard = 10 * ((1800 - 1.1) + 9 * 600);
    double histogram = 30 * (0.1 + 1800 - 1566 - 1.1);
    assertThat(hybrid.idleInstanceGbSeconds()).isCloseTo(standard + histogram, within(1e-6));
    assertThat(aws.idleInstanceGbSeconds()).isCloseTo(40 * 10 * 600, within(1e-6));
    assertThat(hybrid.result().notes()).anySatisfy(n -> assertThat(n).contains("30 from the histogram, 10 standard (4h), 0 forecast"));
  }

  @org.junit.jupiter.api.Test
  void concurrentInstancesFollowTheirOwnInstanceKeepAlive() {
    // With instanceKeepAlive 2m, the nine extra instances of each burst live 2 min instead of 10, and the held image still serves the next burst.
    RunContext ctx = FaasRuns.withTraffic(FaasRuns.context("5h", 1, "{poisson: {ratePerSecond: 1}}", "{duration: 1s, cpu: 50m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 100ms, keepAlive: {hybrid: {instanceKeepAlive: 2m}}}"), new Bursts(30 * MIN, 10));
    FaasRun r = FaasRuns.run(ctx);
    // 10 bursts, all with the standard 4-h window (fewer than 10 idle times until the last end)
    assertThat(r.result().figures().orElseThrow().coldStarts()).isEqualTo(10 + 9 * 9);
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(9 * ((1800 - 1.1) + 9 * 120) + (1800 - 1.1) + 9 * 120, within(1e-6));
    assertThat(r.result().notes().get(0)).contains("instances 2m");
  }

  /** {@code size} simultaneous arrivals every {@code period}, from 0. */
  private record Bursts(long period, int size) implements Traffic {
    @Override
    public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
      return new ArrivalProcess() {
        long n;

        @Override
        public long next() {
          long t = (n / size) * period;
          if (t >= horizonNanos) return NONE;
          n++;
          return t;
        }
      };
    }

    @Override
    public double meanRatePerSecond(long horizonNanos) {
      return size * 1e9 / period;
    }

    @Override
    public double peakRatePerSecond() {
      return size;
    }

    @Override
    public String describe() {
      return "test bursts";
    }
  }
}
