package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cold-start defaults per runtime (figures.md "Cold starts (FaaS)") and keep-alive policies. */
class ColdStartsTest {

  private static String spec(String horizon, long seed, String runtime, String traffic, String faas) {
    return Runs.spec(horizon, seed, """
        runtime: %s
        traffic: %s
        request: {duration: 1ms, cpu: 50m, memory: 128Mi}
        candidates: [faas]
        models:
          faas: %s
        """.formatted(runtime, traffic, faas));
  }

  @ParameterizedTest(name = "{0} at {1} MB: median {2} s")
  @CsvSource({
      "python,          128,  0.215",
      "python,          3008, 0.215",
      "node,            512,  0.264",
      "go,              512,  0.307",
      "java,            1024, 0.372",
      "ruby,            512,  0.277",
      "container-image, 1024, 0.795",
      "dotnet,          128,  3.284",
      "dotnet,          256,  1.753",
      "dotnet,          512,  1.000",
      "dotnet,          1024, 0.654",
      "dotnet,          2048, 0.516",
      "dotnet,          8192, 0.517"})
  void defaultColdStartMedianMatchesTheMeasuredFigure(String runtime, int memoryMb, double medianSeconds) {
    // Without coldStart, a function's cold-start distribution has the median figures.md gives for its runtime (and, for C#, its memory).
    FaasSettings s = Runs.settings(new FaasModel(), Runs.context(spec("1h", 1, runtime, "{poisson: {ratePerSecond: 1}}",
        "{memorySize: %d}".formatted(memoryMb))));
    assertThat(s.coldStart().quantileNanos(0.5) / SimTime.NANOS_PER_SECOND).isCloseTo(medianSeconds, within(1e-9));
    assertThat(ColdStarts.forRuntime(runtime, memoryMb).quantileNanos(0.5) / SimTime.NANOS_PER_SECOND).isCloseTo(medianSeconds, within(1e-9));
  }

  @ParameterizedTest(name = "{0} at {1} MB")
  @CsvSource({"python, 128, 0.215", "java, 1769, 0.372", "container-image, 1024, 0.795", "dotnet, 128, 3.284"})
  void simulatedColdStartsHaveTheDefaultMedian(String runtime, int memoryMb, double medianSeconds) {
    // With keep-alive none every request is cold, so the p50 latency is the runtime's cold-start median plus the 1 ms duration.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("1h", 11, runtime, "{poisson: {ratePerSecond: 1}}",
        "{memorySize: %d, keepAlive: none}".formatted(memoryMb)));
    assertThat(f.coldStarts()).isEqualTo(f.requests());
    // ~3,600 draws: the sample median of a log-normal with sigma 0.3 is within ~2 % (3 standard errors)
    assertThat(f.latencyMs().p50()).isCloseTo(1000 * medianSeconds + 1, within(0.03 * 1000 * medianSeconds));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void keepAliveNoneMakesEveryRequestCold(long seed) {
    // With keepAlive none no instance outlives its request, so every request of bursty traffic is a cold start.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("2h", seed, "python",
        "{bursts: {baseRatePerSecond: 0.5, burstRatePerSecond: 40, every: 30m, length: 1m}}", "{keepAlive: none, coldStart: 50ms}"));
    assertThat(f.requests()).isGreaterThan(1000);
    assertThat(f.coldStarts()).isEqualTo(f.requests());
    assertThat(f.coldStartRate()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void keepAliveForeverColdStartsOnlyToGrowThePeak(long seed) {
    // With keepAlive forever an instance is created only when every existing one is busy, so cold starts equal the peak instance count.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("2h", seed, "python",
        "{bursts: {baseRatePerSecond: 0.5, burstRatePerSecond: 500, every: 30m, length: 1m}}", "{keepAlive: forever, coldStart: 50ms}"));
    assertThat(f.coldStarts()).isEqualTo(f.peakInstances()).isGreaterThan(1);
    assertThat(f.coldStarts()).isLessThan(f.requests() / 100);
  }

  @ParameterizedTest(name = "keep-alive {0}: {1} cold")
  @CsvSource({"{fixed: 30s}, 20", "{fixed: 58s}, 20", "{fixed: 90s}, 1", "{fixed: 10m}, 1", "none, 20", "forever, 1"})
  void fixedKeepAliveWarmsTheNextRequestOnlyIfItArrivesInTime(String keepAlive, long cold) {
    // An instance idle since its request ended stays warm for exactly the keep-alive: a minutely job is warm iff keep-alive exceeds the ~60 s gap.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("20m", 1, "python", "{schedule: {cron: \"* * * * *\"}}",
        "{keepAlive: %s, coldStart: 100ms}".formatted(keepAlive)));
    assertThat(f.requests()).isEqualTo(20);
    assertThat(f.coldStarts()).isEqualTo(cold);
    // every cold request waited 100 ms; the warm ones only ran 1 ms
    assertThat(f.latencyMs().mean()).isCloseTo((20 * 1.0 + cold * 100.0) / 20, within(1e-9));
  }
}
