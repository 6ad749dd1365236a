package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FaaS platform behaviour driven through {@link FaasModel}: throttling, timeouts, provisioned concurrency, instance selection. */
class FaasPlatformTest {
  private static final BigDecimal PER_REQUEST = new BigDecimal("0.0000002");
  private static final BigDecimal X86_GB_S = new BigDecimal("0.0000166667");
  private static final BigDecimal PROVISIONED_HELD_GB_S = new BigDecimal("0.0000041667");
  private static final BigDecimal PROVISIONED_DURATION_GB_S = new BigDecimal("0.0000097222");

  private static ModelResult.Figures faas(String horizon, String traffic, String request, String faasSettings) {
    return Runs.figures(new FaasModel(), Runs.spec(horizon, """
        runtime: python
        traffic: %s
        request: %s
        candidates: [faas]
        models:
          faas: %s
        """.formatted(traffic, request, faasSettings)));
  }

  @ParameterizedTest(name = "{0} per firing, reserved {1}")
  @CsvSource({"50, 20", "21, 20", "20, 20", "5, 1", "3, 7"})
  void reservedConcurrencyThrottlesExactlyTheExcess(int perFiring, int reserved) {
    // When n requests arrive together and at most r may run at once, exactly max(0, n - r) of them are throttled, unserved and unbilled.
    long firings = 5; // every minute over 5 minutes; each 30 s request ends before the next firing
    ModelResult.Figures f = faas("5m", "{schedule: {cron: \"* * * * *\", requestsPerFiring: %d}}".formatted(perFiring),
        "{duration: 30s, cpu: 100m, memory: 128Mi}", "{memorySize: 512, reservedConcurrency: %d, coldStart: 100ms}".formatted(reserved));
    long served = Math.min(perFiring, reserved);
    assertThat(f.requests()).isEqualTo(firings * perFiring);
    assertThat(f.throttled()).isEqualTo(firings * (perFiring - served));
    assertThat(f.completed()).isEqualTo(firings * served);
    assertThat(f.failed()).isZero();
    assertThat(f.peakInstances()).as("never more instances than the limit").isEqualTo(served);
    assertThat(f.coldStarts()).as("the first firing's instances stay warm for the next").isEqualTo(served);
    assertThat(f.costUsd().requests()).as("throttled requests are not billed")
        .isEqualByComparingTo(PER_REQUEST.multiply(BigDecimal.valueOf(firings * served)));
    // latency is recorded for served requests only: 30 s, plus 100 ms for the cold ones
    assertThat(f.latencyMs().max()).isEqualTo(30_100.0);
  }

  @ParameterizedTest(name = "timeout {0}")
  @CsvSource({"3s, 3000", "9999ms, 9999", "1ms, 1"})
  void timedOutRequestsFailAndAreBilledUpToTheTimeout(String timeout, long timeoutMs) {
    // A request longer than the timeout is counted timedOut and failed, never completed, and billed for exactly the timeout.
    ModelResult.Figures f = faas("10m", "{schedule: {cron: \"* * * * *\"}}", "{duration: 10s, cpu: 100m, memory: 128Mi}",
        "{memorySize: 1024, timeout: %s, keepAlive: forever, coldStart: 100ms}".formatted(timeout));
    long n = 10;
    assertThat(f.requests()).isEqualTo(n);
    assertThat(f.timedOut()).isEqualTo(n);
    assertThat(f.failed()).isEqualTo(n);
    assertThat(f.completed()).isZero();
    assertThat(f.throttled()).isZero();
    assertThat(f.coldStarts()).isEqualTo(1);
    // 1 GB function: one cold request billed ceil(100 ms + timeout), the rest billed the timeout, in GB-ms
    long billedMs = (100 + timeoutMs) + (n - 1) * timeoutMs;
    BigDecimal gbSeconds = BigDecimal.valueOf(billedMs).movePointLeft(3);
    assertThat(f.costUsd().compute()).isEqualByComparingTo(gbSeconds.multiply(X86_GB_S));
    assertThat(f.costUsd().requests()).isEqualByComparingTo(PER_REQUEST.multiply(BigDecimal.valueOf(n)));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void requestsUnderTheTimeoutCompleteAndTheRestTimeOut(long seed) {
    // Every request either completes within the timeout (plus its cold start) or times out and fails: none is lost or counted twice.
    ModelResult.Figures f = Runs.figures(new FaasModel(), Runs.spec("10m", seed, """
        runtime: python
        traffic: {poisson: {ratePerSecond: 2}}
        request: {duration: {uniform: {min: 1s, max: 5s}}, cpu: 100m, memory: 128Mi}
        models:
          faas: {memorySize: 1024, timeout: 3s, coldStart: 1ms}
        """));
    assertThat(f.completed() + f.timedOut()).isEqualTo(f.requests());
    assertThat(f.failed()).isEqualTo(f.timedOut());
    assertThat(f.throttled()).isZero();
    assertThat((double) f.timedOut() / f.requests()).as("P(U(1s,5s) > 3s) = 0.5").isCloseTo(0.5, within(0.08));
    assertThat(f.latencyMs().max()).as("no completed request ran past the timeout").isLessThanOrEqualTo(3001.0);
    assertThat(f.latencyMs().mean()).as("completed requests are U(1s,3s)").isCloseTo(2000, within(150.0));
  }

  @ParameterizedTest(name = "horizon {0}")
  @CsvSource({"1h, 60, 3600", "7m, 7, 600", "5m, 5, 300"})
  void provisionedConcurrencyServesWithoutColdStartsAndBillsHeldTime(String horizon, long firings, long heldSeconds) {
    // Requests within the provisioned concurrency never cold-start, and the held instances are billed per GB-s held (rounded up to 5 min) plus duration.
    ModelResult.Figures f = faas(horizon, "{schedule: {cron: \"* * * * *\", requestsPerFiring: 5}}",
        "{duration: 1s, cpu: 100m, memory: 128Mi}", "{memorySize: 1024, provisionedConcurrency: 5, coldStart: 100ms}");
    long n = f.requests();
    assertThat(n).isEqualTo(5 * firings);
    assertThat(f.coldStarts()).isZero();
    assertThat(f.completed()).isEqualTo(n);
    assertThat(f.avgInstances()).as("exactly the provisioned instances, all the time").isEqualTo(5.0);
    assertThat(f.peakInstances()).isEqualTo(5);
    // 5 instances x 1 GB held, the horizon rounded up to 5 minutes
    assertThat(f.costUsd().idle()).isEqualByComparingTo(PROVISIONED_HELD_GB_S.multiply(BigDecimal.valueOf(5 * heldSeconds)));
    // each request 1 s x 1 GB at the provisioned duration price
    assertThat(f.costUsd().compute()).isEqualByComparingTo(PROVISIONED_DURATION_GB_S.multiply(BigDecimal.valueOf(n)));
    assertThat(f.costUsd().requests()).isEqualByComparingTo(PER_REQUEST.multiply(BigDecimal.valueOf(n)));
  }

  @ParameterizedTest(name = "{0} per firing, {1} provisioned")
  @CsvSource({"6, 5", "8, 5", "3, 1"})
  void onlyRequestsBeyondProvisionedConcurrencyColdStart(int perFiring, int provisioned) {
    // Requests beyond the provisioned instances go on demand: they cold-start once, then stay warm between minutely firings.
    ModelResult.Figures f = faas("30m", "{schedule: {cron: \"* * * * *\", requestsPerFiring: %d}}".formatted(perFiring),
        "{duration: 1s, cpu: 100m, memory: 128Mi}", "{memorySize: 256, provisionedConcurrency: %d, coldStart: 100ms}".formatted(provisioned));
    assertThat(f.coldStarts()).isEqualTo(perFiring - provisioned);
    assertThat(f.peakInstances()).isEqualTo(perFiring);
    assertThat(f.completed()).isEqualTo(f.requests());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void lruKeepsAtLeastAsManyInstancesWarmAsMru(long seed) {
    // On the same trace, LRU spreads requests over every idle instance and so keeps at least as many alive as MRU, which lets the spares expire.
    ModelResult.Figures mru = selection(seed, "mru");
    ModelResult.Figures lru = selection(seed, "lru");
    assertThat(lru.requests()).as("same trace").isEqualTo(mru.requests());
    assertThat(lru.completed()).isEqualTo(mru.completed()).isEqualTo(mru.requests());
    assertThat(lru.avgInstances()).isGreaterThanOrEqualTo(mru.avgInstances());
  }

  private static ModelResult.Figures selection(long seed, String policy) {
    return Runs.figures(new FaasModel(), Runs.spec("30m", seed, """
        runtime: python
        traffic: {poisson: {ratePerSecond: 5}}
        request: {duration: {exponential: {mean: 500ms}}, cpu: 100m, memory: 128Mi}
        models:
          faas: {memorySize: 128, keepAlive: {fixed: 20s}, coldStart: 10ms, instanceSelection: %s}
        """.formatted(policy)));
  }
}
