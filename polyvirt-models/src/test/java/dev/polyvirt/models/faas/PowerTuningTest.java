package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.faas.PowerTuning.Objective;
import dev.polyvirt.models.faas.PowerTuning.Point;
import dev.polyvirt.spec.Problem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Simulated power tuning: {@code memorySize} as a list, every size on the same requests, one chosen by the objective. */
class PowerTuningTest {
  private static final FaasModel FAAS = new FaasModel();

  /** 60 requests of 1 s (one a minute for an hour), each needing one core, on a function that stays warm and starts in 0 ms. */
  private static RunContext minutely(String faas) {
    return FaasRuns.context("1h", 3, "{schedule: {cron: \"* * * * *\"}}", "{duration: 1s, cpu: 1, memory: 128Mi}", faas);
  }

  private static PowerTuningRun tune(RunContext ctx) {
    return FAAS.tune(ctx, Runs.settings(FAAS, ctx));
  }

  /** Returns the cost per month, by hand: 60 requests at $0.20 per million plus 60 × billed ms × MB at $0.0000166667 per GB-s, × 730 h / 1 h. */
  private static double handCostPerMonth(long billedMs, int memoryMb) {
    BigDecimal requests = new BigDecimal("60").multiply(new BigDecimal("0.20")).movePointLeft(6);
    BigDecimal gbSeconds = BigDecimal.valueOf(60 * billedMs * memoryMb).divide(new BigDecimal("1024000"), MathContext.DECIMAL128);
    return requests.add(gbSeconds.multiply(new BigDecimal("0.0000166667"))).multiply(new BigDecimal("730")).doubleValue();
  }

  @Test
  void curveMatchesTheBillWorkedOutByHand() {
    // On a fixed 1-s, 1-core schedule, 884 MB stretches each request to 2001.131222 ms (billed 2002 ms) and 1769 MB runs it in 1000 ms; the curve's cost, latency, cold starts and instances are those of the bill and the schedule.
    PowerTuningRun run = tune(minutely("{memorySize: [1769, 884], keepAlive: forever, coldStart: 0ms}"));
    ModelResult.Table t = run.result().tables().get("powerTuning");
    assertThat(t.columns()).containsExactly("memorySize", "costUsdPerMonth", "p50Ms", "p99Ms", "coldStartRate", "avgInstances", "chosen");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.number(0, "memorySize")).as("ascending").isEqualTo(884);
    assertThat(t.number(1, "memorySize")).isEqualTo(1769);
    assertThat(t.number(0, "costUsdPerMonth")).isCloseTo(handCostPerMonth(2002, 884), Percentage.withPercentage(1e-10));
    assertThat(t.number(1, "costUsdPerMonth")).isCloseTo(handCostPerMonth(1000, 1769), Percentage.withPercentage(1e-10));
    double[] durationMs = {2001.131222, 1000};
    for (int i = 0; i < 2; i++) {
      ModelResult.Figures f = run.runs().get(i).result().figures().orElseThrow();
      assertThat(f.requests()).isEqualTo(60);
      assertThat(f.latencyMs().max()).isCloseTo(durationMs[i], within(1e-9));
      assertThat(t.number(i, "p50Ms")).isEqualTo(f.latencyMs().p50()).isCloseTo(durationMs[i], Percentage.withPercentage(0.1));
      assertThat(t.number(i, "p99Ms")).isEqualTo(f.latencyMs().p99()).isCloseTo(durationMs[i], Percentage.withPercentage(0.1));
      assertThat(t.number(i, "coldStartRate")).isEqualTo(1 / 60.0);
      assertThat(t.number(i, "avgInstances")).isEqualTo(1.0);
      assertThat(t.number(i, "costUsdPerMonth")).isEqualTo(f.costUsdPerMonth());
    }
    // 1769 MB bills 1,769,000 MB-ms a request against 884 MB's 1,769,768 (the stretched duration rounds up): cheaper and faster
    assertThat(run.chosenMemoryMb()).isEqualTo(1769);
    assertThat(t.number(0, "chosen")).isZero();
    assertThat(t.number(1, "chosen")).isEqualTo(1);
    assertThat(t.highlighted(1)).isTrue();
    assertThat(t.chart()).containsExactly("costUsdPerMonth", "p99Ms");
  }

  @Test
  void resultIsTheChosenSizesResultWithTheCurve() {
    // The faas row the planner compares is the chosen size's run — same figures and metrics — with the curve attached and the choice explained in the notes.
    RunContext ctx = FaasRuns.context("2h", 9, "{poisson: {ratePerSecond: 0.5}}", "{duration: {lognormal: {p50: 200ms, p99: 2s}}, cpu: 1, memory: 128Mi}",
        "{memorySize: [256, 1024, 1769, 3008], pings: {every: 10m}}");
    PowerTuningRun run = tune(ctx);
    ModelResult r = run.result();
    ModelResult chosen = run.chosenRun().result();
    assertThat(r.figures()).isEqualTo(chosen.figures());
    assertThat(r.metrics()).isEqualTo(chosen.metrics());
    assertThat(r.notes()).startsWith(chosen.notes().toArray(String[]::new));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("power tuning, simulated").contains("4 memory sizes")
        .contains("objective cost").contains(run.chosenMemoryMb() + " MB chosen"));
    assertThat(r.tables()).containsOnlyKeys("powerTuning");
    assertThat(Runs.run(FAAS, ctx)).as("simulate() is tune().result()").isEqualTo(r);
    assertThat(tune(ctx)).as("deterministic").isEqualTo(run);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everySizeSeesTheSameRequests(long seed) {
    // With cpuBound 0 the duration does not depend on memory, so sizes sharing one cold-start distribution see identical requests, cold starts and latencies; only the bill grows with memory.
    RunContext ctx = FaasRuns.context("3h", seed, "{bursts: {baseRatePerSecond: 0.2, burstRatePerSecond: 5, every: 1h, length: 5m}}",
        "{duration: {lognormal: {p50: 150ms, p99: 3s}}, cpu: 2, memory: 128Mi}",
        "{memorySize: [128, 512, 2048, 10240], cpuBound: 0, coldStart: {lognormal: {p50: 200ms, p99: 900ms}}}");
    PowerTuningRun run = tune(ctx);
    ModelResult.Figures first = run.runs().get(0).result().figures().orElseThrow();
    assertThat(first.requests()).isPositive();
    double previousCost = 0;
    for (FaasRun r : run.runs()) {
      ModelResult.Figures f = r.result().figures().orElseThrow();
      assertThat(f.requests()).isEqualTo(first.requests());
      assertThat(f.coldStarts()).isEqualTo(first.coldStarts());
      assertThat(f.latencyMs()).isEqualTo(first.latencyMs());
      assertThat(f.avgInstances()).isEqualTo(first.avgInstances());
      assertThat(f.costUsdPerMonth()).isGreaterThan(previousCost);
      previousCost = f.costUsdPerMonth();
    }
    assertThat(run.chosenMemoryMb()).as("cost: the smallest").isEqualTo(128);
  }

  @ParameterizedTest(name = "{0} -> {1} MB")
  @CsvSource({"'{objective: cost}', 442", "'{}', 442", "'{objective: speed}', 1769", "'{objective: balanced}', 884",
      "'{objective: balanced, weight: 1}', 442", "'{objective: balanced, weight: 0}', 1769", "'{objective: balanced, weight: 0.5}', 884"})
  void objectivePicksItsSizeOnASimulatedCurve(String powerTuning, int expectedMb) {
    // A half CPU-bound 1-s, 1-core request runs 2501 / 1501 / 1000 ms at 442 / 884 / 1769 MB, so cost rises and p99 falls with memory: cost picks 442, speed 1769, balanced 0.5 the middle.
    PowerTuningRun run = tune(minutely("{memorySize: [442, 884, 1769], cpuBound: 0.5, keepAlive: forever, coldStart: 0ms, powerTuning: %s}"
        .formatted(powerTuning)));
    ModelResult.Table t = run.result().tables().get("powerTuning");
    assertThat(t.number(0, "costUsdPerMonth")).isLessThan(t.number(1, "costUsdPerMonth")).isLessThan(t.number(2, "costUsdPerMonth"));
    assertThat(t.number(0, "p99Ms")).isGreaterThan(t.number(1, "p99Ms")).isGreaterThan(t.number(2, "p99Ms"));
    assertThat(run.chosenMemoryMb()).isEqualTo(expectedMb);
    for (int i = 0; i < 3; i++) assertThat(t.number(i, "chosen")).isEqualTo(i == run.chosen() ? 1 : 0);
  }

  @Test
  void sizesMissingTheLatencyTargetAreNotEligible() {
    // With latencyP99 2s the 442-MB size (2.5 s) is not eligible, so cost picks the cheapest of the rest, and the notes name the excluded size and why.
    RunContext ctx = Runs.context(Runs.spec("1h", 3, """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 1s, cpu: 1, memory: 128Mi}
        requirements: {latencyP99: 2s}
        candidates: [faas]
        models:
          faas: {memorySize: [442, 884, 1769], cpuBound: 0.5, keepAlive: forever, coldStart: 0ms}
        """));
    PowerTuningRun run = tune(ctx);
    assertThat(run.eligible()).containsExactly(false, true, true);
    assertThat(run.chosenMemoryMb()).isEqualTo(884);
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).startsWith("not eligible").contains("meet the p99 target of 2s")
        .contains("442 MB (p99 2.50 s > 2s)"));
  }

  @Test
  void whenNoSizeIsEligibleEverySizeCompetesAndTheNotesSaySo() {
    // With a 100-ms p99 target no size of a 1-s request is eligible: the objective then chooses among all sizes, and a note says no size was eligible.
    RunContext ctx = Runs.context(Runs.spec("1h", 3, """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 1s, cpu: 1, memory: 128Mi}
        requirements: {latencyP99: 100ms}
        candidates: [faas]
        models:
          faas: {memorySize: [442, 884, 1769], cpuBound: 0.5, keepAlive: forever, coldStart: 0ms, powerTuning: {objective: speed}}
        """));
    PowerTuningRun run = tune(ctx);
    assertThat(run.eligible()).containsOnly(false);
    assertThat(run.chosenMemoryMb()).isEqualTo(1769);
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).startsWith("no memory size was eligible").contains("every size competed"));
  }

  @Test
  void sizesLosingRequestsAreNotEligible() {
    // A size whose requests time out (more than 0.1 % lost) is not eligible even when it is the cheapest: with a 2-s timeout, 442 MB (2.5 s) fails every request.
    PowerTuningRun run = tune(minutely("{memorySize: [442, 884, 1769], cpuBound: 0.5, timeout: 2s, keepAlive: forever, coldStart: 0ms}"));
    assertThat(run.runs().get(0).result().figures().orElseThrow().timedOut()).isEqualTo(60);
    assertThat(run.eligible()).containsExactly(false, true, true);
    assertThat(run.chosenMemoryMb()).isEqualTo(884);
    assertThat(run.result().notes()).anySatisfy(n -> assertThat(n).contains("442 MB (loses 100 % of requests)"));
  }

  // The constructed case of the choice alone: A is cheap and slow, B is in between, C is fast and dear.
  private static final List<Point> ABC = List.of(new Point(128, 1, 100, true), new Point(512, 3, 50, true), new Point(2048, 10, 45, true));

  @ParameterizedTest(name = "{0} weight {1} -> {2}")
  @CsvSource({"COST, 0.5, 0", "SPEED, 0.5, 2", "BALANCED, 0.5, 1", "BALANCED, 1, 0", "BALANCED, 0, 2", "BALANCED, 0.9, 0"})
  void objectiveChoosesOnAConstructedCurve(Objective objective, double weight, int expected) {
    // Cost takes the cheapest, speed the lowest p99, and balanced the lowest weight × cost / max cost + (1 − weight) × p99 / max p99 (Power Tuning's formula).
    assertThat(PowerTuning.choose(ABC, objective, weight)).isEqualTo(expected);
  }

  @Test
  void balancedNormalisesByTheMaximaAsPowerTuningDoes() {
    // Balanced values by hand at weight 0.5: A 0.5·1/10 + 0.5·100/100 = 0.55, B 0.5·3/10 + 0.5·50/100 = 0.40, C 0.5·10/10 + 0.5·45/100 = 0.725 — B wins (dividing by the minima instead would pick A).
    assertThat(PowerTuning.balanced(ABC.get(0), 0.5, 10, 100)).isCloseTo(0.55, within(1e-12));
    assertThat(PowerTuning.balanced(ABC.get(1), 0.5, 10, 100)).isCloseTo(0.40, within(1e-12));
    assertThat(PowerTuning.balanced(ABC.get(2), 0.5, 10, 100)).isCloseTo(0.725, within(1e-12));
    assertThat(PowerTuning.choose(ABC, Objective.BALANCED, 0.5)).isEqualTo(1);
  }

  @Test
  void ineligiblePointsDoNotCompeteUnlessNoneIsEligible() {
    // An ineligible point is passed over however cheap; when none is eligible, all compete.
    List<Point> cheapIneligible = List.of(new Point(128, 1, 100, false), new Point(512, 3, 50, true), new Point(2048, 10, 45, true));
    assertThat(PowerTuning.choose(cheapIneligible, Objective.COST, 0.5)).isEqualTo(1);
    List<Point> none = List.of(new Point(128, 1, 100, false), new Point(512, 3, 50, false));
    assertThat(PowerTuning.choose(none, Objective.COST, 0.5)).isEqualTo(0);
    assertThat(PowerTuning.choose(none, Objective.SPEED, 0.5)).isEqualTo(1);
  }

  @Test
  void tiesGoToTheOtherFigureThenTheSmallerSize() {
    // Equal costs go to the lower p99 (as Power Tuning's cost strategy does), equal p99s to the lower cost, and full ties to the smaller size.
    List<Point> sameCost = List.of(new Point(128, 2, 90, true), new Point(256, 2, 60, true), new Point(512, 2, 60, true));
    assertThat(PowerTuning.choose(sameCost, Objective.COST, 0.5)).isEqualTo(1);
    List<Point> sameP99 = List.of(new Point(128, 3, 60, true), new Point(256, 2, 60, true), new Point(512, 2, 60, true));
    assertThat(PowerTuning.choose(sameP99, Objective.SPEED, 0.5)).isEqualTo(1);
    assertThat(PowerTuning.choose(sameP99, Objective.BALANCED, 0.5)).isEqualTo(1);
  }

  @Test
  void listItemsOutsideLambdasLimitsAreReportedAtTheirMarks() {
    // Each list item that is not a whole number of MB within 128–10,240, or repeats one, is its own problem at that item's line and column.
    String yaml = FaasRunsSpec.yaml("[128, 64, 20000, 1.5, 1GB, 512, 512]");
    List<Problem> problems = Runs.bindProblems(FAAS, yaml);
    int line = Runs.lineOf(yaml, "memorySize:");
    String text = yaml.lines().toList().get(line - 1);
    assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p.where().line()).isEqualTo(line));
    assertThat(problems).extracting(p -> p.where().column())
        .containsExactly(column(text, "64"), column(text, "20000"), column(text, "1.5"), column(text, "1GB"), text.lastIndexOf("512") + 1);
    assertThat(problems.get(0).message()).contains("between 128 and 10240 MB").contains("found 64");
    assertThat(problems.get(1).message()).contains("between 128 and 10240 MB").contains("found 20000");
    assertThat(problems.get(2).message()).contains("whole number of MB").contains("'1.5'");
    assertThat(problems.get(3).message()).contains("whole number of MB").contains("'1GB'");
    assertThat(problems.get(4).message()).contains("lists 512 MB twice");
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
            memorySize:
              - 256
              - 127
              - 10241
        """);
    assertThat(Runs.bindProblems(FAAS, yaml)).extracting(p -> p.where().line())
        .containsExactly(Runs.lineOf(yaml, "- 127"), Runs.lineOf(yaml, "- 10241"));
  }

  @Test
  void emptyListAndMisplacedSettingsAreReported() {
    // An empty size list, powerTuning without a list, an unknown objective and a weight outside 0–1 are each a problem at their own mark.
    assertThat(Runs.bindProblems(FAAS, FaasRunsSpec.yaml("[]"))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("lists no sizes"));
    String single = FaasRunsSpec.yaml("1024, powerTuning: {objective: speed}");
    assertThat(Runs.bindProblems(FAAS, single)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("'powerTuning' compares memory sizes, but memorySize is not a list");
      assertThat(p.where().column()).isEqualTo(column(single.lines().toList().get(Runs.lineOf(single, "powerTuning") - 1), "powerTuning"));
    });
    List<Problem> bad = Runs.bindProblems(FAAS, FaasRunsSpec.yaml("[128, 1024], powerTuning: {objective: fastest, weight: 2}"));
    assertThat(bad).hasSize(2);
    assertThat(bad.get(0).message()).contains("'objective' must be one of cost, speed, balanced");
    assertThat(bad.get(1).message()).contains("'weight' must be between 0.0 and 1.0");
  }

  @Test
  void listBindsSortedSizesEachWithItsRuntimesColdStart() {
    // A list binds ascending; without coldStart each size gets its runtime's default for that memory, and the first size is memorySizeMb.
    RunContext ctx = Runs.context(Runs.spec("1h", """
        runtime: dotnet
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 1s}
        candidates: [faas]
        models:
          faas: {memorySize: [1024, 128], powerTuning: {objective: balanced, weight: 0.3}}
        """));
    FaasSettings s = Runs.settings(FAAS, ctx);
    assertThat(s.memorySizeMb()).isEqualTo(128);
    assertThat(s.powerTuning().memorySizesMb()).containsExactly(128, 1024);
    assertThat(s.powerTuning().objective()).isEqualTo(Objective.BALANCED);
    assertThat(s.powerTuning().weight()).isEqualTo(0.3);
    assertThat(s.powerTuning().coldStarts().get(0)).isEqualTo(ColdStarts.forRuntime("dotnet", 128));
    assertThat(s.powerTuning().coldStarts().get(1)).isEqualTo(ColdStarts.forRuntime("dotnet", 1024));
    assertThat(s.atTunedSize(1).memorySizeMb()).isEqualTo(1024);
    assertThat(s.atTunedSize(1).powerTuning().enabled()).isFalse();
  }

  @Test
  void aSingleSizeIsNotTuned() {
    // A single memorySize keeps today's behaviour: no tuning, no table, and tune() refuses it.
    RunContext ctx = minutely("{memorySize: 1024, coldStart: 0ms}");
    FaasSettings s = Runs.settings(FAAS, ctx);
    assertThat(s.powerTuning()).isEqualTo(PowerTuning.NONE);
    ModelResult r = Runs.run(FAAS, ctx);
    assertThat(r.tables()).isEmpty();
    assertThat(r).isEqualTo(FAAS.simulateDetailed(ctx, s).result());
    assertThatThrownBy(() -> FAAS.tune(ctx, s)).isInstanceOf(IllegalArgumentException.class);
  }

  private static int column(String line, String text) {
    return line.indexOf(text) + 1;
  }

  /** Specs whose faas settings are {@code {memorySize: <rest>}}, on one line. */
  private static final class FaasRunsSpec {
    static String yaml(String memoryAndMore) {
      return Runs.spec("1h", """
          runtime: python
          traffic: {schedule: {cron: "* * * * *"}}
          request: {duration: 1s}
          candidates: [faas]
          models:
            faas: {memorySize: %s}
          """.formatted(memoryAndMore));
    }
  }
}
