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
}
