package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule of AWS Lambda asynchronous invocation, from the AWS Lambda Developer Guide,
 * "How Lambda handles errors and retries with asynchronous invocation"
 * (docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html): "If the function
 * returns an error, by default Lambda attempts to run it two more times, with a one-minute wait
 * between the first two attempts, and two minutes between the second and third attempts.
 * Function errors include ... timeouts." Throttled events are retried "from 1 second after the
 * first attempt to a maximum of 5 minutes", exponentially, for up to 6 hours.
 *
 * <p>One 30-s event with a 10-s timeout at 0 s: attempts 0–10 s, 70–80 s and 200–210 s on one
 * instance, then 10 min of keep-alive: 810 instance-seconds, 3 requests and 3 × 10 s of 1 GB billed.
 */
class LambdaAsyncRetriesTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: retries
      seed: 1
      horizon: 1h
      workloads:
        - name: job
          runtime: python
          traffic: {schedule: {cron: "0 * * * *"}}
          request: {duration: 30s, cpu: 100m, memory: 128Mi}
          candidates: [faas]
          models:
            faas: {memorySize: 1024, timeout: 10s, coldStart: 0ms, invocation: %s}
      """;

  @Test
  void aTimedOutEventRunsThreeTimesOneThenTwoMinutesApart() {
    ModelResult r = Sims.result(SPEC.formatted("async"), "faas");
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(1);
    assertThat(f.failed()).isEqualTo(1);
    assertThat(r.metrics().get("asyncErrorRetries")).isEqualTo(2.0);
    assertThat(f.avgInstances() * 3600).isCloseTo(810, within(1e-6));
    // $0.20 per million requests, $0.0000166667 per GB-s (aws-us-east-1, x86)
    assertThat(f.costUsd().requests()).isEqualByComparingTo(new BigDecimal("0.0000006"));
    assertThat(f.costUsd().compute().doubleValue()).isCloseTo(3 * 10 * 0.0000166667, within(1e-12));
  }

  @Test
  void synchronouslyTheSameEventRunsOnce() {
    ModelResult r = Sims.result(SPEC.formatted("sync"), "faas");
    assertThat(r.figures().orElseThrow().costUsd().requests()).isEqualByComparingTo(new BigDecimal("0.0000002"));
    assertThat(r.metrics()).doesNotContainKey("asyncRetries");
  }
}
