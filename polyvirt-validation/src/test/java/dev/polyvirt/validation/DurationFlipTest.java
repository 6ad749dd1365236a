package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.planner.DurationFlip;
import dev.polyvirt.planner.Plan;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The what-if search over request durations finds where a function stops beating a pinned VM.
 * Closed form (issue #5, from the AWS Lambda and EC2 pricing pages in the bundled price book): at
 * 2 requests/s (5,256,000 a month of 730 h) a 1,769-MB function (one full vCPU, so durations are
 * not stretched) costs $0.20 per million requests plus d × 1769/1024 GB × $0.0000166667 per
 * request, i.e. $1.0512 + $151.33 × d a month for d seconds; one m5.large costs $0.096 × 730 h =
 * $70.08 whatever the duration. With cost alone deciding (weights {cost: 1}, no labour rate) they
 * break even at d = (70.08 − 1.0512) / 151.33 = 0.456 s, i.e. ×4.56 today's 100 ms. The search,
 * by simulation, must land within 5 %.
 */
class DurationFlipTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: duration-flip
      seed: 5
      horizon: 1h
      planner:
        weights: {cost: 1, latency: 0, coldStarts: 0, availability: 0, operations: 0, isolation: 0, portability: 0}
        opsRatePerHour: 0
      workloads:
        - name: fn
          runtime: python
          traffic: {poisson: {ratePerSecond: 2}}
          request: {duration: 100ms, cpu: 1, memory: 128Mi}
          candidates: [vm, faas]
          models:
            faas: {memorySize: 1769}
            vm: {instanceType: m5.large, count: 1}
      """;
  private static final double MONTHLY_REQUESTS = 2 * 730 * 3600.0;
  private static final double PER_SECOND_OF_DURATION = MONTHLY_REQUESTS * 1769 / 1024.0 * 0.0000166667;
  private static final double REQUESTS = MONTHLY_REQUESTS * 0.20 / 1e6;

  private static DurationFlip flip(int threads) {
    Plan plan = Sims.plan(SPEC, threads, Set.of());
    assertThat(plan.workloads().get(0).recommendation().model()).contains("faas");
    return plan.workloads().get(0).assessment().durationFlip().orElseThrow();
  }

  @Test
  void faasLosesToOneM5LargeAtFourAndAHalfTimesTheDuration() {
    double closedForm = (70.08 - REQUESTS) / PER_SECOND_OF_DURATION / 0.1;
    assertThat(closedForm).isCloseTo(4.56, within(0.01));
    DurationFlip f = flip(2);
    assertThat(f.found()).isTrue();
    assertThat(f.recommended()).isEqualTo("faas");
    assertThat(f.challenger()).isEqualTo("vm");
    assertThat(f.cause()).isEqualTo("score");
    assertThat(f.sustained()).isFalse();
    assertThat(f.multiplier()).isCloseTo(closedForm, within(0.05 * closedForm));
    assertThat(f.p50NowMs()).isCloseTo(100, within(1e-6));
    Plan plan = Sims.plan(SPEC, 1, Set.of());
    assertThat(plan.workloads().get(0).assessment().whatWouldFlip()).anySatisfy(s ->
        assertThat(s).startsWith("at ≈ 4.").contains("× longer requests (p50 ≈ 4").contains("vm overtakes faas"));
  }

  @Test
  void everyStepLiesOnTheListPriceLines() {
    // each FaaS total is the closed form's $1.0512 + $151.33 × d a month (within 3 %: cold starts' billed init
    // and Poisson noise over one hour), each VM total the m5.large's $70.08 (within 0.5 %), and the flip lies
    // between the last multiplier where faas won and the first where vm did
    DurationFlip f = flip(2);
    double won = 0, lost = Double.MAX_VALUE, previous = 0;
    for (DurationFlip.Step s : f.steps()) {
      assertThat(s.multiplier()).isGreaterThan(previous);
      previous = s.multiplier();
      double faas = REQUESTS + PER_SECOND_OF_DURATION * 0.1 * s.multiplier();
      assertThat(s.recommendedUsdPerMonth()).as("faas at ×%s", s.multiplier()).isCloseTo(faas, within(0.03 * faas));
      assertThat(s.challengerUsdPerMonth()).as("vm at ×%s", s.multiplier()).isCloseTo(70.08, within(0.005 * 70.08));
      if (s.winner().equals("faas")) won = Math.max(won, s.multiplier());
      else lost = Math.min(lost, s.multiplier());
    }
    assertThat(won).isLessThan(lost);
    assertThat(f.multiplier()).isBetween(won, lost);
  }

  @Test
  void theSearchIsDeterministicAndBounded() {
    // same spec and seed: the same points whatever the thread count; at most 2 × (2 widenings × 2 directions
    // + 5 bisections + 1) simulations, one step per pair (plus today's point, taken from the plan itself)
    DurationFlip one = flip(1);
    DurationFlip four = flip(4);
    assertThat(four).isEqualTo(one);
    assertThat(one.simulations()).isLessThanOrEqualTo(20).isEven();
    assertThat(one.steps()).hasSize(one.simulations() / 2 + 1);
    // ×1/(1.035) bracket: two widenings (×3, ×9) and five bisections of the ×3 bracket
    assertThat(one.simulations()).isEqualTo(2 * (2 + 5));
  }

  @Test
  void pastFaasMaximumDurationTheVmTakesOver() {
    // Closed form (AWS Lambda quotas: timeout 900 s): 4-minute jobs on a 128-MB function bill $2.42 a month
    // against $70.08 for the m5.large, so cost never flips them; the 900 s limit does, at 900 / 240 = ×3.75.
    String spec = SPEC.replace("horizon: 1h", "horizon: 1d").replace("name: fn", "name: job")
        .replace("ratePerSecond: 2", "ratePerSecond: 0.002").replace("duration: 100ms, cpu: 1", "duration: 240s, cpu: 50m")
        .replace("memorySize: 1769", "memorySize: 128");
    Plan plan = Sims.plan(spec, 2, Set.of());
    DurationFlip f = plan.workloads().get(0).assessment().durationFlip().orElseThrow();
    assertThat(f.found()).isTrue();
    assertThat(f.cause()).isEqualTo("infeasible");
    assertThat(f.multiplier()).isCloseTo(900 / 240.0, within(0.02 * 900 / 240.0));
    assertThat(plan.workloads().get(0).assessment().whatWouldFlip()).anySatisfy(s -> assertThat(s)
        .startsWith("at ≈ 3.75× longer requests (p50 ≈ 15.0 min, now 4.0 min), faas is ruled out by its hard limits (the 15m maximum duration) and vm takes over"));
  }
}
