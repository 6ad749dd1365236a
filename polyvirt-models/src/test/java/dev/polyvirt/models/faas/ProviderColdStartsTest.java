package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cold starts follow the price book's provider (figures.md "Cold starts (FaaS)") and the package size. */
class ProviderColdStartsTest {
  private static String spec(String book, String runtime, String faas) {
    return Runs.spec("1h", 11, """
        runtime: %s
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 1ms, cpu: 50m, memory: 128Mi}
        candidates: [faas]
        models:
          faas: %s
        """.formatted(runtime, faas)).replace("horizon: 1h\n", "horizon: 1h\npriceBook: " + book + "\n");
  }

  private static double medianSeconds(String provider, String runtime, int memoryMb, long packageMiB) {
    return ColdStarts.onProvider(ColdStarts.forRuntime(runtime, memoryMb, packageMiB), provider).quantileNanos(0.5)
        / SimTime.NANOS_PER_SECOND;
  }

  @ParameterizedTest(name = "{0} {1} at {2} MB: median {3} s")
  @CsvSource({
      "azure, dotnet, 256,  0.932",
      "azure, node,   256,  1.575",
      "azure, python, 256,  1.281",
      "azure, java,   256,  1.281",
      "gcp,   node,   256,  0.665",
      "gcp,   go,     256,  0.589",
      "gcp,   python, 256,  1.106",
      "gcp,   ruby,   256,  0.665",
      "aws,   dotnet, 128,  3.284",
      "aws,   node,   512,  0.264"})
  void defaultMedianIsTheProvidersMeasuredFigure(String provider, String runtime, int memoryMb, double median) {
    // Each provider's row of figures.md; a runtime the row does not measure takes the middle of the provider's three.
    assertThat(medianSeconds(provider, runtime, memoryMb, 0)).isCloseTo(median, within(1e-9));
  }

  @Test
  void packageSizeReproducesTheMeasuredDependencyPoints() {
    // AWS JavaScript with 35 MB of dependencies: 3.875 s (the fitted line's end); with 14 MB: 1.695 s, on the line within 1 %.
    assertThat(medianSeconds("aws", "node", 512, 35)).isCloseTo(3.875, within(1e-9));
    assertThat(medianSeconds("aws", "node", 512, 14)).isCloseTo(1.695, within(0.01 * 1.695));
    assertThat(medianSeconds("azure", "python", 512, 10) - medianSeconds("azure", "python", 512, 0))
        .isCloseTo(10 * ColdStarts.SECONDS_PER_PACKAGE_MIB, within(1e-9));
  }

  @Test
  void simulatedAzureColdStartsHaveAzuresMedian() {
    // With keep-alive none every request is cold: p50 ≈ Azure JavaScript's 1.575 s + the 1 ms duration.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("azure-eastus", "node", "{memorySize: 256, keepAlive: none}"));
    assertThat(f.coldStarts()).isEqualTo(f.requests());
    assertThat(f.latencyMs().p50()).isCloseTo(1576, within(0.03 * 1575));
  }

  @Test
  void givenColdStartIsKeptOnEveryProvider() {
    // coldStart replaces the runtime default, so the provider does not change it.
    ModelResult.Figures f = Runs.figures(new FaasModel(), spec("gcp-us-central1", "node", "{memorySize: 256, keepAlive: none, coldStart: 250ms}"));
    assertThat(f.latencyMs().p50()).isCloseTo(251, within(0.5));
  }

  @Test
  void packageSizeWithColdStartOrTooLargeIsReported() {
    // packageSize adjusts the default that coldStart replaces, and cannot exceed 250 MiB.
    List<Problem> both = Runs.bindProblems(new FaasModel(), spec("aws-us-east-1", "node", "{packageSize: 50Mi, coldStart: 1s}"));
    assertThat(both).singleElement().satisfies(p -> assertThat(p.message()).contains("'packageSize' adjusts"));
    List<Problem> big = Runs.bindProblems(new FaasModel(), spec("aws-us-east-1", "node", "{packageSize: 300Mi}"));
    assertThat(big).singleElement().satisfies(p -> assertThat(p.message()).contains("at most 250Mi"));
  }

  @Test
  void azureRefusesWhatTheConsumptionPlanDoesNotOffer() {
    // Above 1,536 MB, pre-warmed instances, arm64 and container images are each a reason on azure-eastus.
    ModelResult r = Runs.run(new FaasModel(), spec("azure-eastus", "container-image",
        "{memorySize: 2048, provisionedConcurrency: 1, architecture: arm64}"));
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).anyMatch(s -> s.contains("2048 MB is above the 1536 MB"))
        .anyMatch(s -> s.contains("no pre-warmed instances")).anyMatch(s -> s.contains("runs no arm64"))
        .anyMatch(s -> s.contains("not container images"));
  }
}
