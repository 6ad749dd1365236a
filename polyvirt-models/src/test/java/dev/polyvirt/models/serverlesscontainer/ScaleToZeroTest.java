package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scale from zero and back: cold starts, the idle instance's lifetime, and the bill that stops with it. */
class ScaleToZeroTest {
  /** $ per hour of a 1 vCPU / 2 GB x86 task: 0.04048 + 2 × 0.004445 (figures.md "Fargate"). */
  private static final BigDecimal TASK_PER_HOUR = new BigDecimal("0.04937");

  private static String spec(String horizon, String cron, int perFiring, String settings) {
    return Runs.spec(horizon, """
        runtime: container-image
        traffic: {schedule: {cron: "%s", requestsPerFiring: %d}}
        request: {duration: 100ms, cpu: 250m, memory: 128Mi}
        candidates: [serverless-container]
        models:
          serverless-container: %s
        """.formatted(cron, perFiring, settings));
  }

  @Test
  void eachRequestAfterLongIdlePaysTheStartAndTheInstanceGoesAfterStableWindowPlusGrace() {
    // Hourly requests each find zero instances: each waits the 2 s start (a cold start, latency 2.1 s); the instance then lives
    // until the first 2 s tick at which the 60 s stable window is empty (request done at +2.1 s -> +64 s) plus the 30 s grace:
    // 94 s per request. avgInstances and the bill count exactly those 3 × 94 s.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(),
        spec("3h", "30 * * * *", 1, "{containerConcurrency: 10, cpu: 1, memory: 2Gi, startTime: 2s}"));
    assertThat(f.requests()).isEqualTo(3);
    assertThat(f.coldStarts()).isEqualTo(3);
    assertThat(f.coldStartRate()).isEqualTo(1.0);
    assertThat(f.latencyMs().mean()).isEqualTo(2100.0);
    assertThat(f.latencyMs().max()).isEqualTo(2100.0);
    assertThat(f.peakInstances()).isEqualTo(1);
    assertThat(f.avgInstances()).isCloseTo(3 * 94 / 10800.0, within(1e-12));
    BigDecimal expected = TASK_PER_HOUR.multiply(BigDecimal.valueOf(3 * 94)).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128);
    assertThat(f.costUsd().total()).isCloseTo(expected, within(new BigDecimal("1e-15")));
    assertThat(f.costUsd().requests()).isZero();
  }

  @Test
  void scaleToZeroStopsTheBillThatMinScaleOneKeepsRunning() {
    // The same three requests cost 3 × 94 s of a task at minScale 0 but the whole 3 h at minScale 1, which pays no cold start.
    ModelResult.Figures zero = Runs.figures(new ServerlessContainerModel(),
        spec("3h", "30 * * * *", 1, "{containerConcurrency: 10, cpu: 1, memory: 2Gi, startTime: 2s}"));
    ModelResult.Figures warm = Runs.figures(new ServerlessContainerModel(),
        spec("3h", "30 * * * *", 1, "{containerConcurrency: 10, minScale: 1, cpu: 1, memory: 2Gi, startTime: 2s}"));
    assertThat(warm.costUsd().total()).isEqualByComparingTo(TASK_PER_HOUR.multiply(BigDecimal.valueOf(3)));
    assertThat(warm.avgInstances()).isEqualTo(1.0);
    assertThat(warm.coldStarts()).isZero();
    assertThat(warm.latencyMs().max()).isEqualTo(100.0);
    assertThat(zero.costUsd().total().doubleValue()).isLessThan(warm.costUsd().total().doubleValue() * 0.03);
  }

  @Test
  void idleGapsShorterThanStableWindowPlusGraceKeepTheInstanceWarm() {
    // Requests a minute apart never leave the stable window empty for 30 s more, so only the first one is a cold start.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(),
        spec("1h", "* * * * *", 1, "{containerConcurrency: 10, cpu: 1, memory: 2Gi, startTime: 2s}"));
    assertThat(f.requests()).isEqualTo(60);
    assertThat(f.coldStarts()).isEqualTo(1);
    assertThat(f.peakInstances()).isEqualTo(1);
    assertThat(f.latencyMs().max()).isEqualTo(2100.0);
    assertThat(f.latencyMs().p50()).isCloseTo(100.0, within(0.1));
  }

  @ParameterizedTest(name = "{0} requests per firing, containerConcurrency {1}")
  @CsvSource({"5, 10, 5", "5, 2, 2", "12, 4, 4"})
  void requestsThatWaitForTheStartingInstanceAreColdStarts(int perFiring, int cc, int coldPerFiring) {
    // Requests arriving together at zero instances all wait at the activator; the ones the new instance takes as it becomes
    // ready (up to containerConcurrency) waited for its start and are cold starts; the rest wait for a free slot.
    ModelResult.Figures f = Runs.figures(new ServerlessContainerModel(),
        spec("2h", "30 * * * *", perFiring, "{containerConcurrency: %d, cpu: 4, memory: 8Gi, startTime: 2s}".formatted(cc)));
    assertThat(f.requests()).isEqualTo(2L * perFiring);
    assertThat(f.coldStarts()).isEqualTo(2L * coldPerFiring);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.latencyMs().max()).isGreaterThanOrEqualTo(2100.0);
  }
}
