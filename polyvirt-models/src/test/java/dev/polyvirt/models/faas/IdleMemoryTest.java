package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wasted memory time: instance-time alive and serving nothing, times the function's memory. */
class IdleMemoryTest {

  @ParameterizedTest(name = "keep-alive {0}, {2} MB: {1} idle s")
  @CsvSource({"none, 0, 1024", "{fixed: 30s}, 300, 1024", "{fixed: 30s}, 300, 2048", "{fixed: 90s}, 590, 1024",
      "forever, 590, 512", "huawei, 590, 3008", "{fixed: 10s}, 100, 256"})
  void idleMemoryIsInstanceTimeLessBusyTimeTimesMemory(String keepAlive, double idleSeconds, int memoryMb) {
    // Ten 1-s requests a minute apart (0-ms cold starts) over 10 min: each instance lives 1 s + the keep-alive (cut at the horizon), so idle = alive - 10 s.
    FaasRun r = FaasRuns.run(FaasRuns.context("10m", 1, "{schedule: {cron: \"* * * * *\"}}", "{duration: 1s, cpu: 50m, memory: 128Mi}",
        "{memorySize: %d, coldStart: 0ms, keepAlive: %s}".formatted(memoryMb, keepAlive)));
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(10);
    double gb = memoryMb / 1024.0;
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(idleSeconds * gb, within(1e-9));
    double instanceSeconds = f.avgInstances() * 600;
    assertThat(instanceSeconds).isCloseTo(idleSeconds + 10, within(1e-9));
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(instanceSeconds * gb - 10 * gb, within(1e-9));
    assertThat(r.idleInstanceGbHours()).isCloseTo(idleSeconds * gb / 3600, within(1e-12));
    assertThat(r.result().notes()).anySatisfy(n -> assertThat(n).startsWith("idle instance memory " + dev.polyvirt.models.ResultAssembly.figure(idleSeconds * gb / 3600) + " GB-h"));
  }

  @ParameterizedTest(name = "{0} provisioned")
  @CsvSource({"1, 590", "2, 1190", "5, 2990"})
  void idleProvisionedInstancesAreWastedMemoryToo(int provisioned, double idleSeconds) {
    // Provisioned instances are alive the whole 10 min; the ten 1-s requests use one of them, so idle = provisioned x 600 s - 10 s.
    FaasRun r = FaasRuns.run(FaasRuns.context("10m", 1, "{schedule: {cron: \"* * * * *\"}}", "{duration: 1s, cpu: 50m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 0ms, provisionedConcurrency: %d}".formatted(provisioned)));
    assertThat(r.result().figures().orElseThrow().coldStarts()).isZero();
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(idleSeconds, within(1e-9));
  }

  @ParameterizedTest(name = "every {0}: {1} pings")
  @CsvSource({"5m, 12", "7m, 9", "1h, 1"})
  void pingedInstancesAreIdleExceptWhileAPingRuns(String every, long pings) {
    // With no requests and one 1-ms ping per round, the instance started by the first ping lives the whole hour (kept by pings or the 1-h keep-alive) and is idle all but 1 ms per ping.
    FaasRun r = FaasRuns.run(FaasRuns.context("1h", 1, "{schedule: {cron: \"0 12 * * *\"}}", "{duration: 1ms, cpu: 50m, memory: 128Mi}",
        "{memorySize: 2048, coldStart: 0ms, keepAlive: {fixed: 1h}, pings: {every: %s}}".formatted(every)));
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isZero();
    assertThat(r.pings().pings()).isEqualTo(pings);
    assertThat(f.avgInstances()).isEqualTo(1.0);
    assertThat(f.utilization()).as("pings are not workload work").isZero();
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(2 * (3600 - 0.001 * pings), within(1e-9));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"aws, 1", "aws, 2", "huawei, 3", "{fixed: 5s}, 4", "hybrid, 5", "hybrid, 6", "forever, 7"})
  void idleMemoryIsAliveTimeTimesOneMinusUtilisation(String keepAlive, long seed) {
    // Without pings, idle instance time = instance-time x (1 - utilisation) under any policy: the two are measured by the same integrals.
    RunContext ctx = FaasRuns.context("3h", seed, "{bursts: {baseRatePerSecond: 0.05, burstRatePerSecond: 20, every: 1h, length: 3m}}",
        "{duration: {exponential: {mean: 300ms}}, cpu: 50m, memory: 128Mi}", "{memorySize: 512, coldStart: 150ms, keepAlive: %s}".formatted(keepAlive));
    FaasRun r = FaasRuns.run(ctx);
    ModelResult.Figures f = r.result().figures().orElseThrow();
    double instanceSeconds = f.avgInstances() * 3 * 3600;
    assertThat(f.requests()).isGreaterThan(5000);
    assertThat(r.idleInstanceGbSeconds()).isCloseTo(instanceSeconds * (1 - f.utilization()) * 0.5, within(1e-6 * instanceSeconds));
  }
}
