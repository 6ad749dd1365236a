package dev.polyvirt.models.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.models.microvm.MicroVmModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Runtime classes (figures.md, "runc / gVisor / Kata" and "Firecracker microVM") and the microvm model. */
class RuntimeClassTest {
  private static String spec(String requirements, String models) {
    return Runs.spec("1h", 3, """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 4}}
        request: {duration: {exponential: {mean: 100ms}}, cpu: 250m, memory: 128Mi}
        requirements: %s
        models: %s
        """.formatted(requirements, models));
  }

  @Test
  void figuresComeFromTheReferenceTable() {
    assertThat(RuntimeClasses.names()).containsExactly("runc", "gvisor", "kata", "firecracker");
    RuntimeClass gvisor = RuntimeClasses.get("gvisor").orElseThrow();
    assertThat(gvisor.startNanos()).isEqualTo(708_000_000L);
    assertThat(gvisor.overheadMiB()).isEqualTo(28.1);
    assertThat(RuntimeClasses.get("kata").orElseThrow().overheadMiB()).isEqualTo(184.3);
    assertThat(RuntimeClasses.get("firecracker").orElseThrow().slowdownMax()).isEqualTo(1 / 0.95);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = '|', value = {
      "hardware      | container | runc        | false",
      "hardware      | container | gvisor      | false",
      "sandboxed     | container | gvisor      | true",
      "hardware      | container | kata        | true",
      "hardware      | microvm   | firecracker | true",
      "hardware      | microvm   | kata        | true",
      "shared-kernel | microvm   | firecracker | true"})
  void isolationFollowsTheRuntime(String isolation, String model, String runtime, boolean feasible) {
    ModelResult r = Runs.run(ComputeModels.get(model).orElseThrow(),
        spec("{isolation: " + isolation + "}", "{" + model + ": {runtimeClass: " + runtime + ", replicas: 2}}"));
    assertThat(r.feasible()).as(r.infeasibleReasons().toString()).isEqualTo(feasible);
  }

  @Test
  void microvmIsHardwareIsolatedByDefaultAndPaysItsOverhead() {
    ModelResult vm = Runs.run(new MicroVmModel(), spec("{isolation: hardware}", "{microvm: {replicas: 2}}"));
    ModelResult plain = Runs.run(new ContainerModel(), spec("{}", "{container: {replicas: 2}}"));
    assertThat(vm.feasible()).isTrue();
    assertThat(vm.metrics()).containsEntry("runtimeMemoryOverheadMiBPerPod", 5.0).containsEntry("runtimeStartMs", 732.0);
    assertThat(vm.notes()).anySatisfy(n -> assertThat(n).contains("runtimeClass firecracker"));
    // same requests, same pods: the guest's CPU slowdown shows in the mean latency
    assertThat(vm.figures().orElseThrow().latencyMs().mean()).isGreaterThan(plain.figures().orElseThrow().latencyMs().mean());
    assertThat(plain.metrics()).doesNotContainKey("runtimeStartMs");
  }

  @Test
  void firecrackerHasNoGpus() {
    ModelResult r = Runs.run(new MicroVmModel(), spec("{gpu: 1}", "{microvm: {replicas: 1}}"));
    assertThat(r.infeasibleReasons()).anySatisfy(x -> assertThat(x).contains("no device passthrough"));
  }

  @Test
  void microvmRejectsContainerOnlyRuntimesWithASuggestion() {
    assertThat(Runs.bindProblems(new MicroVmModel(), spec("{}", "{microvm: {runtimeClass: firecraker}}")))
        .singleElement().asString().contains("firecracker");
    assertThat(Runs.bindProblems(new MicroVmModel(), spec("{}", "{microvm: {runtimeClass: runc}}"))).hasSize(1);
  }
}
