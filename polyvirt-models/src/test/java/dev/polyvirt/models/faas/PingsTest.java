package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.spec.Problem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keep-warm pings: they keep instances warm, are billed like invocations, and are never counted as workload requests. */
class PingsTest {
  private static final BigDecimal PER_REQUEST = new BigDecimal("0.0000002");
  private static final BigDecimal X86_GB_S = new BigDecimal("0.0000166667");
  private static final String ONE_MS = "{duration: 1ms, cpu: 50m, memory: 128Mi}";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void pingsEveryFiveMinutesKeepSparseTrafficWarm(long seed) {
    // With requests ~30 min apart a 10-min keep-alive leaves ~72 % of them cold; a 1-ms ping every 5 min keeps one instance warm, so almost none are.
    String traffic = "{poisson: {ratePerSecond: %s}}".formatted(1 / 1800.0);
    ModelResult.Figures without = Runs.figures(new FaasModel(), spec("7d", seed, traffic, ONE_MS, "{coldStart: 200ms}"));
    FaasRun with = FaasRuns.run(FaasRuns.context("7d", seed, traffic, ONE_MS, "{coldStart: 200ms, pings: {every: 5m}}"));
    ModelResult.Figures f = with.result().figures().orElseThrow();
    assertThat(without.coldStartRate()).isBetween(0.6, 0.85);
    assertThat(f.coldStarts()).isLessThanOrEqualTo(f.requests() / 100);
    assertThat(f.requests()).as("pings are not requests").isEqualTo(without.requests()).isGreaterThan(250);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(f.latencyMs().p99()).as("warm requests only run their 1 ms").isLessThan(2.0);
    assertThat(with.pings().pings()).isEqualTo(7 * 24 * 12);
    assertThat(with.pings().coldStarts()).as("the first ping starts the instance").isEqualTo(1);
  }

  @ParameterizedTest(name = "every {0}, concurrency {1}")
  @CsvSource({"5m, 1, 288", "5m, 3, 864", "7m, 1, 206", "7m, 2, 412", "1h, 5, 120"})
  void pingsAreBilledExactlyAndNotCountedAsRequests(String every, int concurrency, long pings) {
    // Each ping adds the request fee plus 1 ms x 1 GB of duration to the bill and nothing to requests, completions or latency.
    String traffic = "{poisson: {ratePerSecond: %s}}".formatted(1 / 1800.0);
    String faas = "{memorySize: 1024, coldStart: 0ms%s}";
    FaasRun without = FaasRuns.run(FaasRuns.context("1d", 5, traffic, ONE_MS, faas.formatted("")));
    FaasRun with = FaasRuns.run(FaasRuns.context("1d", 5, traffic, ONE_MS,
        faas.formatted(", pings: {every: %s, concurrency: %d}".formatted(every, concurrency))));
    ModelResult.Figures a = without.result().figures().orElseThrow();
    ModelResult.Figures b = with.result().figures().orElseThrow();
    assertThat(with.pings().pings()).isEqualTo(pings);
    assertThat(with.pings().throttled()).isZero();
    BigDecimal n = BigDecimal.valueOf(pings);
    BigDecimal requestFees = n.multiply(PER_REQUEST);
    BigDecimal duration = n.multiply(new BigDecimal("0.001")).multiply(X86_GB_S);
    assertThat(b.costUsd().requests().subtract(a.costUsd().requests())).isEqualByComparingTo(requestFees);
    assertThat(b.costUsd().compute().subtract(a.costUsd().compute())).isEqualByComparingTo(duration);
    assertThat(b.costUsd().total().subtract(a.costUsd().total())).isEqualByComparingTo(requestFees.add(duration));
    assertThat(with.pings().costUsd()).isEqualByComparingTo(requestFees.add(duration));
    assertThat(b.requests()).isEqualTo(a.requests());
    assertThat(b.completed()).isEqualTo(a.completed());
    assertThat(b.latencyMs()).as("cold starts take 0 ms here, so latency is the same request by request").isEqualTo(a.latencyMs());
    assertThat(b.utilization()).as("ping time is not workload time").isLessThanOrEqualTo(a.utilization() * 1.0 + 1e-12);
    assertThat(with.result().notes()).anySatisfy(s -> assertThat(s).startsWith("keep-warm pings: " + pings + " (" + concurrency + " every "));
  }

  @ParameterizedTest(name = "concurrency {0}: {1} cold")
  @CsvSource({"3, 0", "2, 96", "1, 192"})
  void concurrentPingsKeepThatManyInstancesWarm(int concurrency, long cold) {
    // Pings sent together occupy `concurrency` instances, so firings of 3 simultaneous requests every 15 min find that many warm and cold-start the rest.
    FaasRun r = FaasRuns.run(FaasRuns.context("1d", 1, "{schedule: {cron: \"7,22,37,52 * * * *\", requestsPerFiring: 3}}",
        "{duration: 1s, cpu: 50m, memory: 128Mi}", "{coldStart: 100ms, pings: {every: 5m, concurrency: %d}}".formatted(concurrency)));
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(96 * 3);
    assertThat(f.coldStarts()).isEqualTo(cold);
    assertThat(r.pings().coldStarts()).as("the first round starts them").isEqualTo(concurrency);
  }

  @ParameterizedTest(name = "reserved {0}")
  @CsvSource({"1, 2", "2, 1", "3, 0"})
  void pingsBeyondTheConcurrencyLimitAreThrottledApart(int reserved, long throttledPerRound) {
    // Pings count against reservedConcurrency like any invocation; the excess is throttled, counted as throttled pings, never as throttled requests, and not billed.
    FaasRun r = FaasRuns.run(FaasRuns.context("1h", 1, "{schedule: {cron: \"0 12 * * *\"}}", ONE_MS,
        "{memorySize: 1024, coldStart: 0ms, reservedConcurrency: %d, pings: {every: 10m, concurrency: 3}}".formatted(reserved)));
    ModelResult.Figures f = r.result().figures().orElseThrow();
    assertThat(f.throttled()).isZero();
    assertThat(r.pings().throttled()).isEqualTo(6 * throttledPerRound);
    assertThat(r.pings().pings()).isEqualTo(6 * (3 - throttledPerRound));
    assertThat(f.costUsd().requests()).isEqualByComparingTo(PER_REQUEST.multiply(BigDecimal.valueOf(r.pings().pings())));
  }

  @ParameterizedTest(name = "pings: {0}")
  @CsvSource(delimiter = ';', value = {
      "{concurrency: 2}; pings needs 'every'; every: 5m",
      "{every: 5m, concurrancy: 2}; unknown key 'concurrancy' in pings; did you mean 'concurrency'?",
      "{every: 0s}; pings 'every' must be positive; every: 5m",
      "{every: 5m, concurrency: 0}; 'concurrency' must be between 1 and 100000; ",
      "{every: 5m, duration: 20m}; pings 'duration' must be between 1ms and 15m; "})
  void badPingSettingsAreReportedAtTheirLine(String pings, String message, String hint) {
    // A bad pings setting is one problem, on the pings line, saying what is wrong.
    String yaml = spec("1h", 1, "{poisson: {ratePerSecond: 1}}", ONE_MS, "\n    pings: " + pings);
    List<Problem> problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains(message);
      if (hint != null) assertThat(p.hint()).contains(hint);
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "pings:"));
    });
  }

  private static String spec(String horizon, long seed, String traffic, String request, String faas) {
    return Runs.spec(horizon, seed, """
        runtime: python
        traffic: %s
        request: %s
        candidates: [faas]
        models:
          faas: %s
        """.formatted(traffic, request, faas));
  }
}
