package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The figures and notes of a run: SPEC.md §3 accounting, timeouts, determinism, and notes that describe the configuration. */
class ServerlessContainerResultTest {

  private static String spec(long seed, String traffic, String request, String settings) {
    return Runs.spec("2h", seed, """
        runtime: container-image
        traffic: %s
        request: %s
        candidates: [serverless-container]
        %s
        """.formatted(traffic, request, settings == null ? "" : "models:\n  serverless-container: " + settings));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void everyFigureIsConsistent(long seed) {
    // Requests = completed + failed + throttled; cold starts <= requests; p50 <= p95 <= p99 <= max; 0 <= utilisation <= 1;
    // avgInstances <= peakInstances; cost total = compute + idle with no request fee; energy and carbon positive.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), spec(seed,
        "{bursts: {baseRatePerSecond: 2, burstRatePerSecond: 40, every: 30m, length: 5m, start: 10m}}",
        "{duration: {lognormal: {p50: 80ms, p99: 900ms}}, cpu: 250m, memory: 128Mi}", null));
    assertThat(f.requests()).isPositive().isEqualTo(f.completed() + f.failed() + f.throttled());
    assertThat(f.coldStarts()).isBetween(1L, f.requests());
    assertThat(f.latencyMs().p50()).isLessThanOrEqualTo(f.latencyMs().p95());
    assertThat(f.latencyMs().p95()).isLessThanOrEqualTo(f.latencyMs().p99());
    assertThat(f.latencyMs().p99()).isLessThanOrEqualTo(f.latencyMs().max() + 1);
    assertThat(f.utilization()).isBetween(0.0, 1.0);
    assertThat(f.avgInstances()).isPositive().isLessThanOrEqualTo(f.peakInstances());
    assertThat(f.costUsd().total()).isPositive().isEqualByComparingTo(f.costUsd().compute().add(f.costUsd().idle()));
    assertThat(f.costUsd().requests()).isZero();
    assertThat(f.costUsd().other()).isZero();
    assertThat(f.energyKwh()).isPositive();
    assertThat(f.co2eKg()).isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void requestsNotAnsweredWithinTheTimeoutFailAsTimedOut(long seed) {
    // Overloaded at maxScale 1 (2 requests/s of 1 s each, one at a time), requests wait; those not answered within the 5 s
    // timeout fail as timed out, none is throttled, and every latency recorded is within the timeout.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(), spec(seed, "{poisson: {ratePerSecond: 2}}",
        "{duration: 1s, cpu: 250m, memory: 128Mi}", "{containerConcurrency: 1, maxScale: 1, cpu: 0.25, memory: 512Mi, timeout: 5s}"));
    assertThat(f.timedOut()).isPositive();
    assertThat(f.failed()).isEqualTo(f.timedOut());
    assertThat(f.throttled()).isZero();
    assertThat(f.completed() + f.failed()).isEqualTo(f.requests());
    assertThat(f.completed()).isPositive();
    assertThat(f.latencyMs().max()).isLessThanOrEqualTo(5000.0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6})
  void theSameSeedGivesTheSameResult(long seed) {
    // Two runs of one context are identical in every figure, note and metric (all randomness comes from seeded streams).
    RunContext ctx = Runs.context(spec(seed, "{poisson: {ratePerSecond: 20}}", "{duration: {exponential: {mean: 200ms}}, cpu: 500m}",
        "{containerConcurrency: 8}"));
    assertThat(Runs.run(new ServerlessContainerModel(), ctx)).isEqualTo(Runs.run(new ServerlessContainerModel(), ctx));
  }

  @ParameterizedTest(name = "request {0} / {1}, settings {2}")
  @CsvSource(delimiter = '|', value = {
      "250m | 256Mi | {containerConcurrency: 80}                                                 | 4 vCPU / 20Gi x86_64 (sized for 80 requests of 250m / 256Mi) | requests share the CPU: an instance runs 16 at full speed (4 vCPU, 250m each) while the autoscaler aims at 56 per instance",
      "10m  | 1Mi   | {containerConcurrency: 10, cpu: 0.25, memory: 512Mi, architecture: arm64}    | 0.25 vCPU / 512Mi arm64, start lognormal(p50 795ms            | -",
      "1    | 128Mi | {containerConcurrency: 1, cpu: 0.25, memory: 512Mi, startTime: 3s, timeout: 60s} | 0.25 vCPU / 512Mi x86_64, start 3s, request timeout 1m | a request needs 1000m CPU, more than an instance's 0.25 vCPU: it runs at 0.25 of full speed even alone"})
  void notesDescribeTheConfiguration(String cpu, String memory, String settings, String instanceNote, String cpuNote) {
    // The notes name the autoscaler's settings, the task size (and why it was chosen), start time and timeout, and warn when
    // requests must share or exceed an instance's CPU.
    ModelResult r = Runs.run(new ServerlessContainerModel(), spec(1, "{poisson: {ratePerSecond: 1}}",
        "{duration: 100ms, cpu: %s, memory: %s}".formatted(cpu, memory), settings.equals("-") ? null : settings));
    assertThat(r.notes().get(0)).startsWith("Knative KPA: containerConcurrency").contains("stable window 60s, panic window 6s")
        .contains("scale to zero after 60s without traffic + 30s grace");
    assertThat(r.notes().get(1)).startsWith("instances: Fargate tasks of ").contains(instanceNote);
    if (cpuNote.equals("-")) {
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).containsAnyOf("share the CPU", "more than an instance's"));
    } else {
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains(cpuNote));
    }
    assertThat(r.notes().get(r.notes().size() - 1)).contains("instance starts, panic mode entered");
    assertThat(r.metrics()).containsOnlyKeys("instanceStarts", "panics", "peakQueued");
  }
}
