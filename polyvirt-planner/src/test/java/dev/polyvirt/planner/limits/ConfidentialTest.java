package dev.polyvirt.planner.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code requirements.confidential: true} (seed 002 §7.3): only a VM on an AMD SEV-SNP instance
 * type (M6a, C6a, R6a — AWS EC2 User Guide, "AMD SEV-SNP for Amazon EC2 instances") can host it.
 */
class ConfidentialTest {
  private static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: p
      horizon: 1h
      planner: {whatIf: false}
      workloads:
        - name: enclave
          traffic: {poisson: {ratePerSecond: 20}}
          request: {duration: 50ms, memory: 512Mi}
          requirements: {confidential: true}
          candidates: [vm, container, faas, serverless-container]
        - name: plain
          traffic: {poisson: {ratePerSecond: 20}}
          request: {duration: 50ms, memory: 512Mi}
          candidates: [vm]
      """;

  private static Plan plan(String yaml) throws Exception {
    return new Planner(2, s -> {}).plan(BoundPortfolio.parse("p.yaml", yaml, Path.of(".")), Set.of());
  }

  private static ModelResult result(Plan plan, int workload, String model) {
    return plan.workloads().get(workload).results().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
  }

  @Test
  void onlyAVmOnAnSevSnpInstanceTypeHostsAConfidentialWorkload() throws Exception {
    Plan plan = plan(SPEC);
    assertThat(plan.workloads().get(0).recommendation().model()).contains("vm");
    assertThat(result(plan, 0, "vm").feasible()).isTrue();
    String type = result(plan, 0, "vm").notes().toString();
    assertThat(type).containsAnyOf("m6a.", "c6a.", "r6a.");
    for (String model : List.of("container", "faas", "serverless-container")) {
      ModelResult r = result(plan, 0, model);
      assertThat(r.feasible()).as(model).isFalse();
      assertThat(r.infeasibleReasons()).as(model).anySatisfy(s -> assertThat(s).startsWith("confidential: true needs memory encrypted by the CPU"));
    }
    assertThat(result(plan, 0, "container").infeasibleReasons()).anySatisfy(s -> assertThat(s).contains("confidential node pool"));
    // the same workload without the flag keeps the book's general instance types (c5.large at $0.085/h)
    assertThat(result(plan, 1, "vm").notes().toString()).doesNotContain("m6a.").doesNotContain("c6a.").doesNotContain("r6a.");
  }

  @Test
  void aNamedInstanceTypeWithoutSevSnpIsRuledOutWithTheTypesThatWouldDo() throws Exception {
    Plan plan = plan(SPEC.replace("candidates: [vm, container, faas, serverless-container]",
        "candidates: [vm]\n    models: {vm: {instanceType: m5.large}}"));
    assertThat(result(plan, 0, "vm").feasible()).isFalse();
    assertThat(result(plan, 0, "vm").infeasibleReasons().get(0))
        .isEqualTo("instance type m5.large cannot run a confidential VM: price book aws-us-east-1@2025-10-01 lists these: "
            + "m6a.large, m6a.xlarge, c6a.large, c6a.xlarge, r6a.large");
  }

  @Test
  void aMisspeltConfidentialKeyGetsDidYouMeanAtItsLine() {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> BoundPortfolio.parse("p.yaml", SPEC.replace("{confidential: true}", "{confidental: true}"), Path.of(".")));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.message()).contains("unknown key 'confidental'");
      assertThat(p.hint()).contains("did you mean 'confidential'?");
      assertThat(p.where().line()).isEqualTo(10);
      assertThat(p.where().column()).isEqualTo(20);
    });
  }
}
