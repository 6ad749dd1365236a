package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.models.faas.FaasModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeasibilityTest {

  private static String faasSpec(String request, String requirements) {
    return Runs.spec("10m", """
        runtime: python
        traffic: {poisson: {ratePerSecond: 0.1}}
        request: %s
        requirements: %s
        candidates: [faas]
        """.formatted(request, requirements));
  }

  private static List<String> faasReasons(String request, String requirements) {
    ModelResult r = Runs.run(new FaasModel(), faasSpec(request, requirements));
    assertThat(r.feasible()).isEqualTo(r.infeasibleReasons().isEmpty());
    if (!r.feasible()) assertThat(r.figures()).as("an infeasible result carries no figures").isEmpty();
    return r.infeasibleReasons();
  }

  @Test
  void ordinaryWorkloadIsFeasibleOnFaas() {
    // A short, small, stateless Linux request without GPU has no FaaS infeasibility reason.
    assertThat(faasReasons("{duration: 100ms, cpu: 250m, memory: 256Mi}", "{}")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "fixed 20m                       | {duration: 20m, memory: 128Mi}                      | p99 duration 20m exceeds the 15m FaaS limit",
      "exponential mean 4m, p99 18.4m  | {duration: {exponential: {mean: 4m}}, memory: 128Mi} | exceeds the 15m FaaS limit",
      "lognormal p99 16m               | {duration: {lognormal: {p50: 1m, p99: 16m}}}         | exceeds the 15m FaaS limit"})
  void p99DurationBeyondFifteenMinutesIsInfeasible(String name, String request, String reason) {
    // A request whose p99 duration exceeds the 15-minute Lambda limit cannot run on FaaS.
    assertThat(faasReasons(request, "{}")).anySatisfy(r -> assertThat(r).contains(reason));
  }

  @Test
  void p99OfExactlyFifteenMinutesIsFeasible() {
    // The duration limit is on p99, inclusive: a fixed 15-minute request still fits.
    assertThat(faasReasons("{duration: 15m, memory: 128Mi}", "{}")).isEmpty();
  }

  @Test
  void memoryAboveTenGibibytesIsInfeasible() {
    // A request needing more than 10,240 MiB exceeds the largest Lambda function.
    assertThat(faasReasons("{duration: 1s, memory: 12Gi}", "{}"))
        .anySatisfy(r -> assertThat(r).contains("needs 12288 MiB").contains("at most 10240 MB"));
    assertThat(faasReasons("{duration: 1s, memory: 10Gi}", "{}")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{os: windows}     | os: windows is not offered",
      "{os: legacy}      | os: legacy is not offered",
      "{gpu: 1}          | FaaS offers no GPU",
      "{state: stateful} | stateful workloads do not fit FaaS"})
  void platformRequirementsFaasCannotMeetAreInfeasible(String requirements, String reason) {
    // Windows or legacy OS, any GPU, or state make FaaS infeasible with a reason naming the requirement.
    assertThat(faasReasons("{duration: 100ms, memory: 128Mi}", requirements)).anySatisfy(r -> assertThat(r).contains(reason));
  }

  @Test
  void everyReasonIsListedNotJustTheFirst() {
    // A workload failing several FaaS limits gets one reason per limit.
    assertThat(faasReasons("{duration: 20m, memory: 12Gi}", "{os: windows, gpu: 1, state: stateful}")).hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wasm", "unikernel", "edge"})
  void notModelledModelsAnswerNotModelled(String name) {
    // A model this version does not simulate is infeasible with exactly "not modelled in this version" and no figures.
    ComputeModel<?> model = ComputeModels.get(name).orElseThrow();
    assertThat(model).isInstanceOf(NotModelled.class);
    ModelResult r = Runs.run(model, faasSpec("{duration: 100ms}", "{}"));
    assertThat(r.model()).isEqualTo(name);
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).containsExactly("not modelled in this version");
    assertThat(r.figures()).isEmpty();
  }

  @Test
  void notModelledAcceptsAnySettingsAndRefusesToSimulate() {
    // NotModelled binds whatever settings it is given without problems, and never invents figures.
    String yaml = Runs.spec("10m", """
        runtime: python
        traffic: {poisson: {ratePerSecond: 0.1}}
        request: {duration: 100ms}
        models:
          wasm: {vcpus: 2, anything: [1, 2]}
        """);
    ComputeModel<?> wasm = ComputeModels.get("wasm").orElseThrow();
    assertThat(Runs.bindProblems(wasm, yaml)).isEmpty();
    NotModelled nm = new NotModelled("wasm");
    RunContext ctx = Runs.context(yaml);
    assertThatThrownBy(() -> nm.simulate(ctx, Runs.settings(nm, ctx))).isInstanceOf(UnsupportedOperationException.class);
  }
}
