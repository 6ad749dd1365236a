package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.planner.BreakEven;
import dev.polyvirt.planner.Plan;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The what-if search finds the break-even of a function against a pinned VM where list prices put
 * it. Closed form (issue #5, from the AWS Lambda and EC2 pricing pages in the bundled price book):
 * a 1,769-MB function (one full vCPU, so 100 ms stays 100 ms) costs 0.1 s × 1769/1024 GB ×
 * $0.0000166667 + $0.20 per million = $3.079 per million requests; one m5.large costs
 * $0.096 × 730 h = $70.08 a month; they break even at 70.08 / (3.079e-6 × 730 × 3600) ≈ 8.66
 * requests per second. The search, by simulation, must land within 5 %.
 */
class BreakEvenTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: break-even
      seed: 5
      horizon: 1h
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

  @Test
  void faasAndOneM5LargeBreakEvenNearEightPointSevenRequestsPerSecond() {
    // The searched sustained rate at which the function's bill equals the VM's is the closed form's 8.66 req/s within 5 %.
    double perRequest = 0.1 * 1769 / 1024.0 * 0.0000166667 + 0.20 / 1e6;
    double closedForm = 0.096 * 730 / (perRequest * 730 * 3600);
    assertThat(closedForm).isCloseTo(8.66, within(0.01));
    Plan plan = Sims.plan(SPEC, 1, Set.of());
    BreakEven b = plan.workloads().get(0).assessment().breakEven().orElseThrow();
    assertThat(b.found()).isTrue();
    assertThat(b.alwaysOn()).isEqualTo("vm");
    assertThat(b.ratePerSecond()).isCloseTo(closedForm, within(0.05 * closedForm));
    assertThat(b.costUsdPerMonth()).isCloseTo(70.08, within(0.05 * 70.08));
    assertThat(plan.workloads().get(0).assessment().whatWouldFlip().get(0)).startsWith("as a steady stream").contains("above ≈ ").contains("vm would bill less than faas");
  }

  @Test
  void everyStepOfTheSearchLiesOnTheListPriceLines() {
    // The points the report draws are the search's own simulations: each FaaS bill is the closed form's
    // $3.079 per million requests at that step's rate (within 5 %: Poisson noise of the shorter steps), each
    // VM bill the m5.large's $70.08, one step per pair of simulations, and the break-even lies between the
    // last step where faas billed less and the first where it billed more.
    double perRequest = 0.1 * 1769 / 1024.0 * 0.0000166667 + 0.20 / 1e6;
    BreakEven b = Sims.plan(SPEC, 1, Set.of()).workloads().get(0).assessment().breakEven().orElseThrow();
    assertThat(b.steps()).hasSize(b.simulations() / 2);
    double below = 0, above = Double.MAX_VALUE, previous = 0;
    for (BreakEven.Step s : b.steps()) {
      assertThat(s.multiplier()).isGreaterThan(previous);
      previous = s.multiplier();
      assertThat(s.ratePerSecond()).isCloseTo(2 * s.multiplier(), within(1e-9 * s.ratePerSecond()));
      double faas = perRequest * s.ratePerSecond() * 730 * 3600;
      assertThat(s.faasUsdPerMonth()).as("faas at %s req/s", s.ratePerSecond()).isCloseTo(faas, within(0.05 * faas));
      assertThat(s.alwaysOn()).isEqualTo("vm");
      // within 0.5 %: the simulated bill is a few cents above the instance's list price alone
      assertThat(s.alwaysOnUsdPerMonth()).isCloseTo(70.08, within(0.005 * 70.08));
      if (s.faasUsdPerMonth() <= s.alwaysOnUsdPerMonth()) below = Math.max(below, s.ratePerSecond());
      else above = Math.min(above, s.ratePerSecond());
    }
    assertThat(below).isLessThan(above);
    assertThat(b.ratePerSecond()).isBetween(below, above);
  }
}
