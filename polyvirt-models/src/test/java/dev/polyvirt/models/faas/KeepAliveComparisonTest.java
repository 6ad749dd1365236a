package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.faas.KeepAliveComparison.Point;
import dev.polyvirt.models.faas.keepalive.FixedKeepAlive;
import dev.polyvirt.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keep-alive policies compared side by side: {@code keepAlive} as a list, every policy on the same requests, one chosen. */
class KeepAliveComparisonTest {
  private static final FaasModel FAAS = new FaasModel();
  private static final String REQUEST = "{duration: {lognormal: {p50: 120ms, p99: 1s}}, cpu: 250m, memory: 256Mi}";
  private static final List<String> POLICIES = List.of("hybrid", "aws", "{fixed: 20m}", "none", "huawei");

  private static RunContext bursty(String keepAlive) {
    return FaasRuns.context("4h", 5, "{bursts: {baseRatePerSecond: 0.005, burstRatePerSecond: 0.5, every: 1h, length: 5m}}", REQUEST,
        "{memorySize: 512, keepAlive: %s}".formatted(keepAlive));
  }

  private static KeepAliveComparisonRun compare(RunContext ctx) {
    return FAAS.compareKeepAlive(ctx, Runs.settings(FAAS, ctx));
  }

  @Test
  void tableHasOneRowPerPolicyInOrderWithTheFiguresOfEachPolicyRunAlone() {
    // Each row of the keepAlive table, in the order written, holds exactly the figures of simulating that policy alone, so every policy saw the same requests.
    KeepAliveComparisonRun run = compare(bursty("[" + String.join(", ", POLICIES) + "]"));
    ModelResult.Table t = run.result().tables().get("keepAlive");
    assertThat(t.columns()).containsExactly("policy", "coldStarts", "coldStartRate", "p99Ms", "idleMemoryGbHours", "costUsdPerMonth", "chosen");
    assertThat(t.rows()).hasSize(POLICIES.size());
    assertThat(t.chart()).containsExactly("costUsdPerMonth", "coldStartRate");
    assertThat(t.highlight()).isEqualTo("chosen");
    long requests = -1;
    for (int i = 0; i < POLICIES.size(); i++) {
      RunContext alone = bursty(POLICIES.get(i));
      FaasRun single = FaasRuns.run(alone);
      ModelResult.Figures f = single.result().figures().orElseThrow();
      assertThat(run.runs().get(i)).isEqualTo(single);
      assertThat(Runs.run(FAAS, alone).tables()).as("a single policy has no table").isEmpty();
      assertThat(t.cell(i, "policy")).isEqualTo(Runs.settings(FAAS, alone).keepAlive().describe());
      assertThat(t.number(i, "coldStarts")).isEqualTo(f.coldStarts());
      assertThat(t.number(i, "coldStartRate")).isEqualTo(f.coldStartRate());
      assertThat(t.number(i, "p99Ms")).isEqualTo(f.latencyMs().p99());
      assertThat(t.number(i, "idleMemoryGbHours")).isEqualTo(single.idleInstanceGbHours());
      assertThat(t.number(i, "costUsdPerMonth")).isEqualTo(f.costUsdPerMonth());
      assertThat(t.number(i, "chosen")).isEqualTo(i == run.chosen() ? 1 : 0);
      if (requests >= 0) assertThat(f.requests()).isEqualTo(requests);
      requests = f.requests();
    }
    assertThat(requests).isPositive();
    assertThat(t.cell(1, "policy")).isEqualTo("10m (aws)");
    assertThat(t.number(3, "coldStarts")).as("none: every request cold").isEqualTo(requests);
  }

  @Test
  void resultIsTheChosenPolicysResultWithTheTableAndTheReason() {
    // The faas row is the chosen policy's run — same figures and metrics — with the table attached and a note naming the policy and the rule that chose it.
    RunContext ctx = bursty("[aws, hybrid, forever]");
    KeepAliveComparisonRun run = compare(ctx);
    ModelResult r = run.result();
    ModelResult chosen = run.chosenRun().result();
    assertThat(r.figures()).isEqualTo(chosen.figures());
    assertThat(r.metrics()).isEqualTo(chosen.metrics());
    assertThat(r.notes()).startsWith(chosen.notes().toArray(String[]::new));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("keep-alive compared: 3 policies")
        .contains(run.chosenPolicy().describe() + " chosen (the cheapest that loses at most 0.1 % of requests)"));
    assertThat(r.tables()).containsOnlyKeys("keepAlive");
    assertThat(Runs.run(FAAS, ctx)).as("simulate() is compareKeepAlive().result()").isEqualTo(r);
    assertThat(compare(ctx)).as("deterministic").isEqualTo(run);
    double cheapest = run.runs().stream().mapToDouble(x -> x.result().figures().orElseThrow().costUsdPerMonth()).min().orElseThrow();
    assertThat(r.figures().orElseThrow().costUsdPerMonth()).isEqualTo(cheapest);
  }

  @Test
  void cheapestEligibleWinsTiesGoToLowerP99ThenTheEarlier() {
    // Among eligible policies the cheapest wins whatever its p99; equal costs go to the lower p99, full ties to the one listed first.
    assertThat(KeepAliveComparison.choose(List.of(new Point(3, 10, true), new Point(1, 500, true), new Point(2, 5, true)))).isEqualTo(1);
    assertThat(KeepAliveComparison.choose(List.of(new Point(1, 90, true), new Point(1, 60, true), new Point(1, 60, true)))).isEqualTo(1);
  }

  @Test
  void ineligiblePoliciesArePassedOverUnlessNoneQualifiesThenTheLowestP99Wins() {
    // A cheaper policy that misses the SLO or loses requests does not compete; when none is eligible, the lowest p99 wins (ties: cheaper).
    assertThat(KeepAliveComparison.choose(List.of(new Point(1, 900, false), new Point(5, 50, true), new Point(4, 80, true)))).isEqualTo(2);
    assertThat(KeepAliveComparison.choose(List.of(new Point(1, 900, false), new Point(5, 50, false), new Point(4, 80, false)))).isEqualTo(1);
    assertThat(KeepAliveComparison.choose(List.of(new Point(6, 50, false), new Point(5, 50, false)))).isEqualTo(1);
  }

  @Test
  void policiesMissingTheLatencyTargetAreNotEligible() {
    // With 2-s cold starts and a 1-s p99 target on minutely traffic (180 requests, so forever's one cold start is above p99), 'none' (every request cold) misses the target and is passed over for 'forever', and the notes say why.
    RunContext ctx = Runs.context(Runs.spec("3h", 3, """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 100ms, cpu: 100m, memory: 128Mi}
        requirements: {latencyP99: 1s}
        candidates: [faas]
        models:
          faas: {memorySize: 256, coldStart: 2s, keepAlive: [none, forever]}
        """));
    KeepAliveComparisonRun run = compare(ctx);
    assertThat(run.eligible()).containsExactly(false, true);
    assertThat(run.chosenPolicy()).isEqualTo(FixedKeepAlive.KEEP_FOREVER);
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).startsWith("not eligible").contains("meet the p99 target of 1s")
        .contains("none (p99 2.10 s > 1s)"));
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).contains("forever chosen (the cheapest that meets the p99 target"));
  }

  @Test
  void whenNoPolicyIsEligibleTheLowestP99WinsAndTheNotesSaySo() {
    // With a 2-s timeout a 1.5-s request plus a 2-s cold start is lost, so 'none' loses every request and 'aws' (cold every 15 min) some: neither is eligible, and the one with the lower p99 is chosen.
    RunContext ctx = Runs.context(Runs.spec("3h", 3, """
        runtime: python
        traffic: {schedule: {cron: "*/15 * * * *"}}
        request: {duration: 1500ms, cpu: 250m, memory: 128Mi}
        requirements: {latencyP99: 100ms}
        candidates: [faas]
        models:
          faas: {memorySize: 256, coldStart: 2s, timeout: 2s, keepAlive: [none, aws, forever]}
        """));
    KeepAliveComparisonRun run = compare(ctx);
    assertThat(run.eligible()).containsOnly(false);
    List<Double> p99 = run.runs().stream().map(r -> r.result().figures().orElseThrow().latencyMs().p99()).toList();
    assertThat(p99.get(run.chosen())).isEqualTo(p99.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).startsWith("no keep-alive policy was eligible"));
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).contains("no policy meets the rule, so the lowest p99"));
  }

  @Test
  void hybridBeatsAwsOnAQuarterHourlyCron() {
    // A cron every 15 min outlives AWS's 10-min keep-alive, so aws cold-starts every request and idles 10 min each time, while hybrid learns the period: one cold start and far less idle memory.
    RunContext ctx = FaasRuns.context("2d", 1, "{schedule: {cron: \"*/15 * * * *\"}}", "{duration: 1ms, cpu: 50m, memory: 128Mi}",
        "{memorySize: 1024, coldStart: 100ms, keepAlive: [aws, hybrid]}");
    KeepAliveComparisonRun run = compare(ctx);
    ModelResult.Table t = run.result().tables().get("keepAlive");
    long requests = run.runs().get(0).result().figures().orElseThrow().requests();
    assertThat(requests).isEqualTo(2 * 24 * 4);
    assertThat(t.number(0, "coldStarts")).as("aws: cold every time").isEqualTo(requests);
    assertThat(t.number(1, "coldStarts")).as("hybrid: the first only").isEqualTo(1);
    assertThat(t.number(0, "idleMemoryGbHours")).as("aws: 10 min per request at 1 GB").isCloseTo(requests * 10 / 60.0, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(t.number(1, "idleMemoryGbHours")).isLessThan(0.5 * t.number(0, "idleMemoryGbHours"));
    assertThat(t.number(1, "p99Ms")).isLessThan(t.number(0, "p99Ms"));
    assertThat(t.number(1, "costUsdPerMonth")).isLessThanOrEqualTo(t.number(0, "costUsdPerMonth"));
    assertThat(run.chosenPolicy().name()).isEqualTo("hybrid");
  }

  @Test
  void listItemsAreReportedAtTheirOwnMarks() {
    // Each bad item of a keepAlive list — unknown name, bare duration, bad fixed value, a nested list, a repeat — is its own problem at that item's line and column.
    String yaml = spec("{memorySize: 512, keepAlive: [aws, hybrd, 5m, {fixed: -1s}, [aws], aws]}");
    List<Problem> problems = Runs.bindProblems(FAAS, yaml);
    int line = Runs.lineOf(yaml, "keepAlive:");
    String text = yaml.lines().toList().get(line - 1);
    assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p.where().line()).isEqualTo(line));
    assertThat(problems).extracting(p -> p.where().column()).containsExactly(column(text, "hybrd"), column(text, "5m"),
        column(text, "-1s"), column(text, "[aws]"), text.lastIndexOf("aws") + 1);
    assertThat(problems.get(0).message()).contains("unknown keep-alive policy 'hybrd'");
    assertThat(problems.get(0).hint()).contains("did you mean 'hybrid'");
    assertThat(problems.get(1).hint()).contains("a bare duration is not a policy");
    assertThat(problems.get(2).message()).contains("keepAlive 'fixed' has a bad value '-1s'");
    assertThat(problems.get(3).message()).contains("policy name or a mapping");
    assertThat(problems.get(4).message()).contains("lists 10m (aws) twice");
  }

  @Test
  void blockListItemsAreReportedAtTheirOwnLines() {
    // In a block list each bad item is marked at its own line.
    String yaml = Runs.spec("1h", """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 1s}
        candidates: [faas]
        models:
          faas:
            keepAlive:
              - aws
              - {hybrid: {bin: 0s}}
              - forevr
        """);
    List<Problem> problems = Runs.bindProblems(FAAS, yaml);
    assertThat(problems).extracting(p -> p.where().line()).containsExactly(Runs.lineOf(yaml, "bin: 0s"), Runs.lineOf(yaml, "- forevr"));
  }

  @Test
  void emptyListAndListWithMemoryListAreReported() {
    // An empty keepAlive list is a problem; a keepAlive list beside a memorySize list is reported at the keepAlive key, asking to compare one at a time.
    assertThat(Runs.bindProblems(FAAS, spec("{keepAlive: []}"))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("lists no policies"));
    String both = spec("{memorySize: [256, 512], keepAlive: [aws, hybrid]}");
    String text = both.lines().toList().get(Runs.lineOf(both, "keepAlive") - 1);
    assertThat(Runs.bindProblems(FAAS, both)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("cannot be combined with a 'memorySize' list: compare one at a time");
      assertThat(p.where().column()).isEqualTo(column(text, "keepAlive"));
    });
  }

  @Test
  void listBindsPoliciesInOrderAndASinglePolicyIsNotCompared() {
    // A list binds its policies in the order written, the first being keepAlive; a single policy binds no comparison and compareKeepAlive refuses it.
    FaasSettings s = Runs.settings(FAAS, bursty("[{fixed: 20m}, aws]"));
    assertThat(s.keepAliveComparison().policies()).containsExactly(FixedKeepAlive.of(20 * 60_000_000_000L), FixedKeepAlive.AWS);
    assertThat(s.keepAlive()).isEqualTo(FixedKeepAlive.of(20 * 60_000_000_000L));
    assertThat(s.atComparedKeepAlive(1).keepAlive()).isEqualTo(FixedKeepAlive.AWS);
    assertThat(s.atComparedKeepAlive(1).keepAliveComparison().enabled()).isFalse();
    RunContext single = bursty("aws");
    FaasSettings one = Runs.settings(FAAS, single);
    assertThat(one.keepAliveComparison()).isEqualTo(KeepAliveComparison.NONE);
    assertThatThrownBy(() -> FAAS.compareKeepAlive(single, one)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String spec(String faas) {
    return Runs.spec("1h", """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 1s}
        candidates: [faas]
        models:
          faas: %s
        """.formatted(faas));
  }

  private static int column(String line, String text) {
    return line.indexOf(text) + 1;
  }
}
