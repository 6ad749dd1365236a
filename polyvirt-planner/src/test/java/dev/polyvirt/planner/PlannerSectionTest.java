package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.planner.limits.PlacementLimits;
import dev.polyvirt.planner.score.PlannerSettings;
import dev.polyvirt.planner.traits.TraitScan;
import dev.polyvirt.planner.traits.WorkloadTraits;
import dev.polyvirt.spec.Problem;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's own spec section, hard limits and measured traits, on tiny inline specs. */
class PlannerSectionTest {
  private static final String HEAD = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: p
      horizon: 1d
      """;

  private static BoundPortfolio bind(String yaml) {
    try {
      return BoundPortfolio.parse("p.yaml", yaml, Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static WorkloadTraits traits(String workload) {
    BoundPortfolio p = bind(HEAD + "workloads:\n" + workload);
    BoundWorkload w = p.workloads().get(0);
    return TraitScan.of(new RunContext(w.workload(), w.traffic(), w.horizonNanos(), p.priceBook(),
        RandomStreams.root(1).child("workload:w"), 1));
  }

  @Test
  void plannerSettingsAreReadAndTyposGetDidYouMeanWithTheirLine() {
    // planner: weights and rates are bound in the same pass as the rest; a misspelt key is reported at its line with the close name.
    String ok = HEAD + """
        planner: {weights: {cost: 1, latency: 0}, opsRatePerHour: 120, opsHoursPerMonth: {serverless: 3}, whatIf: false}
        workloads:
          - name: w
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms}
        """;
    PlannerSettings s = bind(ok).planner();
    assertThat(s.opsRatePerHour()).isEqualTo(120);
    assertThat(s.weights().cost()).isEqualTo(1);
    assertThat(s.weights().latency()).isZero();
    assertThat(s.weights().availability()).isEqualTo(0.1);
    assertThat(s.ops().serverless()).isEqualTo(3);
    assertThat(s.whatIf()).isFalse();
    String bad = HEAD + """
        planner:
          weights: {cots: 1}
          opsRatePerHr: 50
        workloads:
          - name: w
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms}
        """;
    SpecException e = catchThrowableOfType(SpecException.class, () -> BoundPortfolio.parse("p.yaml", bad, Path.of(".")));
    List<Problem> problems = e.problems();
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.message()).contains("unknown key 'cots'");
      assertThat(p.hint()).contains("did you mean 'cost'?");
      assertThat(p.where().line()).isEqualTo(6);
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.message()).contains("unknown key 'opsRatePerHr'");
      assertThat(p.hint()).contains("opsRatePerHour");
      assertThat(p.where().line()).isEqualTo(7);
    });
  }

  @Test
  void hardLimitsGiveOneReasonPerBrokenLimit() {
    // A stateful, hipaa, long-running workload breaks FaaS's state, isolation and duration limits; a VM breaks none.
    BoundPortfolio p = bind(HEAD + """
        workloads:
          - name: w
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 20m}
            requirements: {state: stateful, compliance: [hipaa]}
        """);
    var w = p.workloads().get(0).workload();
    List<String> faas = PlacementLimits.reasons("faas", w, p.priceBook());
    assertThat(faas).hasSize(3);
    assertThat(faas.get(0)).isEqualTo("requests run too long: p99 duration 20m exceeds the 15m FaaS limit");
    assertThat(faas).anySatisfy(r -> assertThat(r).startsWith("isolation: hardware (required by hipaa) is not met"));
    assertThat(PlacementLimits.reasons("container", w, p.priceBook())).singleElement().asString().startsWith("isolation: hardware");
    assertThat(PlacementLimits.reasons("vm", w, p.priceBook())).isEmpty();
    assertThat(PlacementLimits.reasons("wasm", w, p.priceBook())).as("a model without a table entry has no hard limits").isEmpty();
  }

  @Test
  void anHourlyJobOfSixMinutesIsIdleNinetyPercentWithHourGaps() {
    // 24 runs of exactly 6 minutes a day leave 90 % of the day idle; every gap is one hour, longer than a 10-minute keep-alive.
    WorkloadTraits t = traits("""
          - name: w
            traffic: {schedule: {cron: "0 * * * *"}}
            request: {duration: 6m}
        """);
    assertThat(t.scannedRequests()).isEqualTo(24);
    assertThat(t.idleFraction()).isCloseTo(0.9, within(1e-9));
    assertThat(t.gapP50Nanos()).isEqualTo(SimTime.NANOS_PER_HOUR);
    assertThat(t.gapsOverKeepAlive()).isEqualTo(1.0);
  }

  @Test
  void poissonGapsHaveTheExponentialMedian() {
    // Poisson arrivals at 2/s have exponential gaps: median ln 2 / 2 = 347 ms (within a histogram bin, 9 %), p90 ln 10 / 2 = 1.15 s.
    WorkloadTraits t = traits("""
          - name: w
            traffic: {poisson: {ratePerSecond: 2}}
            request: {duration: 10ms}
        """);
    assertThat(t.gapP50Nanos() / 1e9).isCloseTo(Math.log(2) / 2, within(0.09 * Math.log(2) / 2));
    assertThat(t.gapP90Nanos() / 1e9).isCloseTo(Math.log(10) / 2, within(0.09 * Math.log(10) / 2));
    // idle share of a M/G/∞ stream: e^(−λ·E[S]) = e^(−0.02) = 98.0 %
    assertThat(t.idleFraction()).isCloseTo(Math.exp(-0.02), within(0.002));
    assertThat(t.peakToMean()).isEqualTo(1.0);
  }

  @Test
  void reservedPricesDiscountTheInstanceBillButNotTheControlPlane() {
    // A container bill of $100/month with a $10 control-plane share: reserved 1y takes 37.5 % off the $90 of nodes only; 3 years = 36 months.
    BoundPortfolio p = bind(HEAD + """
        workloads:
          - name: w
            traffic: {poisson: {ratePerSecond: 1}}
            request: {duration: 100ms}
        """);
    java.math.BigDecimal day = java.math.BigDecimal.valueOf(100 / (730 / 24.0));
    java.math.BigDecimal cp = java.math.BigDecimal.valueOf(10 / (730 / 24.0));
    var f = new dev.polyvirt.models.ModelResult.Figures(10, 10, 0, 0, 0, 0, new dev.polyvirt.models.ModelResult.Latency(1, 1, 1, 1, 1),
        2, 2, 0.5, new dev.polyvirt.models.ModelResult.CostUsd(day, day.subtract(cp), java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, cp),
        100, 0.1, 1.0 / 30.4167);
    var r = dev.polyvirt.models.ModelResult.of("container", f, List.of());
    var c = dev.polyvirt.planner.score.Criteria.of(r, PlannerSettings.defaults(), 1, false);
    var t = dev.polyvirt.planner.tco.TcoViews.of(r, c, p.workloads().get(0).workload().requirements(), p.priceBook(), SimTime.NANOS_PER_DAY);
    assertThat(t.controlPlaneUsdPerMonth()).isCloseTo(10, within(1e-6));
    assertThat(t.optionsUsdPerMonth().get("reserved-1y")).isCloseTo(100 - 90 * 0.375, within(1e-6));
    assertThat(t.optionsUsdPerMonth()).containsKey("spot");
    assertThat(t.bestOption()).isEqualTo("reserved-3y");
    assertThat(t.threeYearBestUsd()).isCloseTo(36 * (100 - 90 * 0.573 + c.opsUsdPerMonth()), within(1e-6));
    assertThat(t.co2eKgPerMonth()).isCloseTo(1.0, within(1e-3)); // 1/30.4 kg a day × 730 h / 24 h
    assertThat(t.cleanestRegion()).isEqualTo("eu-north-1");
    assertThat(t.cleanestCo2eKgPerMonth()).isCloseTo(1.0 * 0.0000088 / 0.000379069, within(1e-4));
  }
}
