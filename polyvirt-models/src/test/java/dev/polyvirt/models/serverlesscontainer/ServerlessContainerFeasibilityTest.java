package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the serverless-container model cannot host, each with its reason; an infeasible result has no figures. */
class ServerlessContainerFeasibilityTest {

  private static List<String> reasons(String request, String requirements, String settings) {
    ModelResult r = Runs.run(new ServerlessContainerModel(), Runs.spec("10m", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 0.1}}
        request: %s
        requirements: %s
        candidates: [serverless-container]
        %s
        """.formatted(request, requirements, settings == null ? "" : "models:\n  serverless-container: " + settings)));
    assertThat(r.feasible()).isEqualTo(r.infeasibleReasons().isEmpty());
    if (!r.feasible()) assertThat(r.figures()).as("an infeasible result carries no figures").isEmpty();
    else assertThat(r.figures()).isPresent();
    return r.infeasibleReasons();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{isolation: sandboxed}", "{isolation: hardware}", "{compliance: [pci-dss, hipaa]}"})
  void everyIsolationLevelIsMetByFargatesMicroVms(String requirements) {
    // Each Fargate task runs in its own Firecracker microVM, a hypervisor boundary: shared-kernel, sandboxed and hardware
    // isolation (and the compliance regimes that demand it) are all met.
    assertThat(reasons("{duration: 100ms, cpu: 250m, memory: 128Mi}", requirements, null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{os: windows}     | os: windows is not offered",
      "{os: legacy}      | os: legacy needs re-engineering to run in containers",
      "{gpu: 1}          | Fargate offers no GPU",
      "{state: stateful} | instances are disposable and scale to zero; state must live outside"})
  void platformRequirementsItCannotMeetAreInfeasible(String requirements, String reason) {
    // Windows or legacy OS, any GPU, or state make the model infeasible with a reason naming the requirement.
    assertThat(reasons("{duration: 100ms, memory: 128Mi}", requirements, null)).anySatisfy(r -> assertThat(r).contains(reason));
  }

  @ParameterizedTest(name = "{0}, timeout {1}")
  @CsvSource(delimiter = '|', value = {
      "{duration: 6m}                         | -   | p99 duration 6m exceeds the request timeout 5m",
      "{duration: {exponential: {mean: 2m}}}  | -   | exceeds the request timeout 5m (timeout; Cloud Run allows up to 60m)",
      "{duration: 45s}                        | 30s | p99 duration 45s exceeds the request timeout 30s"})
  void requestsLongerThanTheRequestTimeoutAreInfeasible(String request, String timeout, String reason) {
    // A request whose p99 duration exceeds the request timeout (default 5 min, Cloud Run's) cannot be served: infeasible.
    String settings = timeout.equals("-") ? null : "{timeout: " + timeout + "}";
    assertThat(reasons(request, "{}", settings)).singleElement().satisfies(r -> assertThat(r).startsWith("requests run too long").contains(reason));
  }

  @Test
  void theTimeoutBoundIsInclusiveAndCanBeRaisedToAnHour() {
    // p99 exactly at the timeout is feasible; a 50 min job fits once the timeout is raised to Cloud Run's 60 min maximum.
    assertThat(reasons("{duration: 5m, memory: 128Mi}", "{}", null)).isEmpty();
    assertThat(reasons("{duration: 50m, memory: 128Mi}", "{}", "{timeout: 60m}")).isEmpty();
    assertThat(reasons("{duration: 50m, memory: 128Mi}", "{}", null)).singleElement()
        .satisfies(r -> assertThat(r).contains("p99 duration 50m exceeds the request timeout 5m"));
  }

  @Test
  void workloadsNoTaskSizeHoldsAreInfeasible() {
    // 80 concurrent requests of 2 GiB (160 GiB) exceed the largest task; a written memory or cpu too small for the requests fails too.
    assertThat(reasons("{duration: 1s, memory: 2Gi}", "{}", "{containerConcurrency: 80}")).singleElement()
        .satisfies(r -> assertThat(r).contains("no Fargate task size holds containerConcurrency 80 × 2Gi = 160Gi"));
    assertThat(reasons("{duration: 1s, memory: 2Gi}", "{}", "{containerConcurrency: 40}")).isEmpty();
    assertThat(reasons("{duration: 1s, memory: 256Mi}", "{}", "{containerConcurrency: 80, memory: 8Gi}")).singleElement()
        .satisfies(r -> assertThat(r).contains("memory 8Gi cannot hold containerConcurrency 80 × 256Mi = 20Gi"));
    assertThat(reasons("{duration: 1s, memory: 256Mi}", "{}", "{containerConcurrency: 80, cpu: 1}")).singleElement()
        .satisfies(r -> assertThat(r).contains("a Fargate task of 1 vCPU (2–8 GB in 1 GB steps) cannot hold"));
  }

  @Test
  void everyReasonIsListedNotJustTheFirst() {
    // A workload failing several limits gets one reason per limit.
    assertThat(reasons("{duration: 20m, memory: 4Gi}", "{os: windows, gpu: 1, state: stateful}", "{containerConcurrency: 80}")).hasSize(5);
  }
}
