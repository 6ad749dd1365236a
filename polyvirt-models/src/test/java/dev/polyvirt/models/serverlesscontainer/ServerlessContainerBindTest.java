package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.models.Runs;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding {@code models.serverless-container}: defaults, every key as written, and the problems bad values report with marks. */
class ServerlessContainerBindTest {

  private static String spec(String settings) {
    return Runs.spec("10m", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms, cpu: 250m, memory: 128Mi}
        candidates: [serverless-container]
        %s
        """.formatted(settings == null ? "" : "models:\n  serverless-container: " + settings));
  }

  private static ServerlessContainerSettings bind(String settings) {
    return Runs.settings(new ServerlessContainerModel(), Runs.context(spec(settings)));
  }

  @Test
  void defaultConcurrencyIsCloudRunsEightyForLightRequestsAndWhatOneVcpuHoldsForHeavyOnes() {
    // Light requests get Cloud Run's 80 (target 56 at 70 %); heavy ones what a 1-vCPU task holds: 8 GB of memory, 4 vCPU of shared CPU.
    ServerlessContainerSettings explicit = bind("{containerConcurrency: 80}");
    assertThat(explicit.targetConcurrency()).isEqualTo(56);
    assertThat(ServerlessContainerModel.defaultConcurrency(workload("10m", "16Mi"))).isEqualTo(80);
    assertThat(ServerlessContainerModel.defaultConcurrency(workload("100m", "1Gi"))).isEqualTo(8);
    assertThat(ServerlessContainerModel.defaultConcurrency(workload("500m", "128Mi"))).isEqualTo(8);
    assertThat(ServerlessContainerModel.defaultConcurrency(workload("8", "20Gi"))).isEqualTo(1);
  }

  private static dev.polyvirt.spec.Workload workload(String cpu, String memory) {
    return Runs.context(Runs.spec("10m", """
        runtime: container-image
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms, cpu: %s, memory: %s}
        candidates: [serverless-container]
        """.formatted(cpu, memory))).workload();
  }

  private static List<Problem> problems(String yaml) {
    return Runs.bindProblems(new ServerlessContainerModel(), yaml);
  }

  @Test
  void theRegistryHoldsThisModelUnderItsSpecName() {
    // ComputeModels resolves "serverless-container" to this model (no longer the not-modelled placeholder).
    assertThat(ComputeModels.get("serverless-container")).hasValueSatisfying(m -> assertThat(m).isInstanceOf(ServerlessContainerModel.class));
  }

  @Test
  void absentSettingsTakeTheDocumentedDefaults() {
    // Defaults: containerConcurrency min(80, 8 GB / request memory, 4 vCPU-worth of request CPU) = 16 for 250m / 128Mi, scale 0-100,
    // 70 % target, sized task, container-image start (p50 0.795 s), 300 s timeout, x86_64.
    for (String settings : new String[] {null, "{}", "{containerConcurrency: 16, minScale: 0, maxScale: 100}"}) {
      ServerlessContainerSettings s = bind(settings);
      assertThat(s.containerConcurrency()).as(settings).isEqualTo(16);
      assertThat(s.minScale()).isZero();
      assertThat(s.maxScale()).isEqualTo(100);
      assertThat(s.targetUtilization()).isEqualTo(70);
      assertThat(s.cpuMillis()).isEmpty();
      assertThat(s.memoryMiB()).isEmpty();
      assertThat(s.startTime().quantileNanos(0.5)).isCloseTo(0.795e9, within(1.0));
      assertThat(s.startTime().quantileNanos(0.975)).isCloseTo(1.404e9, within(0.005e9));
      assertThat(s.timeoutNanos()).isEqualTo(300 * SimTime.NANOS_PER_SECOND);
      assertThat(s.architecture()).isEqualTo(Architecture.X86_64);
    }
  }

  @Test
  void everyKeyIsBoundAsWritten() {
    // Settings written in the spec reach the bound settings unchanged (Knative / Cloud Run names, SPEC.md §2).
    ServerlessContainerSettings s = bind("{containerConcurrency: 10, minScale: 1, maxScale: 5, cpu: 1, memory: 2Gi, "
        + "targetUtilization: 50, startTime: {uniform: {min: 1s, max: 3s}}, timeout: 30s, architecture: arm64}");
    assertThat(s.containerConcurrency()).isEqualTo(10);
    assertThat(s.minScale()).isEqualTo(1);
    assertThat(s.maxScale()).isEqualTo(5);
    assertThat(s.cpuMillis()).contains(1000);
    assertThat(s.memoryMiB()).hasValue(2048);
    assertThat(s.targetConcurrency()).isEqualTo(5);
    assertThat(s.startTime().meanNanos()).isEqualTo(2e9);
    assertThat(s.timeoutNanos()).isEqualTo(30 * SimTime.NANOS_PER_SECOND);
    assertThat(s.architecture()).isEqualTo(Architecture.ARM64);
    assertThat(bind("{cpu: 250m, memory: 512Mi}").cpuMillis()).contains(250);
    assertThat(bind("{cpu: \"0.5\", memory: 1Gi}").memoryMiB()).hasValue(1024);
    assertThat(bind("{minScale: 150}").maxScale()).as("maxScale follows a larger minScale").isEqualTo(150);
  }

  @Test
  void anUnknownKeyIsReportedWithTheClosestKnownName() {
    // A misspelt key is a problem at its own line, suggesting the known key it resembles.
    String yaml = spec("\n    containerConcurency: 10\n    minScale: 1");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("unknown key 'containerConcurency' in models.serverless-container");
      assertThat(p.hint()).isEqualTo("did you mean 'containerConcurrency'?");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "containerConcurency"));
      assertThat(p.where().file()).isEqualTo("t.yaml");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "cpu: 3                        | cpu: 3          | 'cpu' must be a Fargate task size of 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU, found 3",
      "cpu: 100m                     | cpu: 100m       | found 0.1",
      "cpu: lots                     | cpu: lots       | 'cpu' has a bad value 'lots'",
      "cpu: 0.25 / memory: 4Gi       | memory: 4Gi     | 'memory' 4Gi does not go with cpu 0.25 on Fargate",
      "memory: 3584Mi                | memory: 3584Mi  | 'memory' 3584Mi is not a Fargate task size",
      "memory: 2G                    | memory: 2G      | 'memory' 2G is not a Fargate task size",
      "containerConcurrency: 0       | containerConcurrency: 0    | 'containerConcurrency' must be between 1 and 1000, found 0",
      "containerConcurrency: 1001    | containerConcurrency: 1001 | 'containerConcurrency' must be between 1 and 1000, found 1001",
      "minScale: 3 / maxScale: 2     | maxScale: 2     | 'maxScale' (2) is below 'minScale' (3)",
      "maxScale: 0                   | maxScale: 0     | 'maxScale' must be between 1 and 100000",
      "targetUtilization: 150        | targetUtilization: 150 | 'targetUtilization' must be between 1.0 and 100.0",
      "timeout: 2h                   | timeout: 2h     | 'timeout' must be between 1s and 60m",
      "timeout: 500ms                | timeout: 500ms  | 'timeout' must be between 1s and 60m",
      "startTime: {gamma: {k: 2}}    | gamma           | unknown distribution 'gamma' for startTime",
      "architecture: sparc           | architecture: sparc | 'architecture' must be one of x86_64, arm64"})
  void aBadValueIsOneProblemAtItsLine(String settings, String at, String message) {
    // Each bad setting yields one problem whose message names it and whose mark is the line where it is written.
    String yaml = spec("\n    " + settings.replace(" / ", "\n    "));
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains(message);
      assertThat(p.hint()).isNotBlank();
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, at));
    });
  }

  @Test
  void memoryThatDoesNotGoWithTheCpuHintsAtTheValidRange() {
    // The hint for a memory the cpu does not take lists that cpu's memory range, as the Fargate table has it.
    assertThat(problems(spec("{cpu: 1, memory: 10Gi}"))).singleElement()
        .satisfies(p -> assertThat(p.hint()).startsWith("1 vCPU takes 2–8 GB in 1 GB steps"));
  }

  @Test
  void everyBadSettingIsReportedInOnePass() {
    // Several bad settings give one problem each, in file order, rather than the first stopping the rest.
    String yaml = spec(String.join("\n    ", "", "containerConcurrency: 0", "cpu: 3", "timeout: 2h", "architecture: sparc", "maxScal: 4"));
    List<Problem> all = problems(yaml);
    assertThat(all).extracting(p -> p.where().line()).containsExactly(Runs.lineOf(yaml, "containerConcurrency: 0"),
        Runs.lineOf(yaml, "cpu: 3"), Runs.lineOf(yaml, "timeout: 2h"), Runs.lineOf(yaml, "architecture: sparc"),
        Runs.lineOf(yaml, "maxScal:"));
    assertThat(all.get(4).hint()).isEqualTo("did you mean 'maxScale'?");
  }

  @Test
  void settingsThatAreNotAMappingAreReported() {
    // models.serverless-container must be a mapping of keys to values.
    String yaml = spec("80");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("models.serverless-container must be a mapping");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "serverless-container: 80"));
    });
  }
}
