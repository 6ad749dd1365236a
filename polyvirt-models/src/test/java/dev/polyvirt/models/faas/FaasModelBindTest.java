package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding {@code models.faas} settings: defaults, CPU share of memory, and the problems a bad setting reports. */
class FaasModelBindTest {

  private static String spec(String request, String faas) {
    return Runs.spec("30m", """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: %s
        candidates: [faas]
        %s
        """.formatted(request, faas == null ? "" : "models:\n  faas: " + faas));
  }

  @ParameterizedTest(name = "cpu {0}, memory {1} -> {2} MB")
  @CsvSource({
      "1,    128Mi, 1769",
      "2,    128Mi, 3538",
      "250m, 128Mi, 443",
      "500m, 1Gi,   1024",
      "100m, 4Gi,   4096",
      "50m,  64Mi,  128",
      "100m, 300M,  287"})
  void defaultMemoryCoversTheRequestsCpuAndMemory(String cpu, String memory, int expectedMb) {
    // Without memorySize, the function gets the smallest whole-MB size (at least 128) holding the request's memory and giving it its CPU at 1,769 MB per vCPU.
    for (String faas : new String[] {null, "{keepAlive: {fixed: 5m}}"}) {
      RunContext ctx = Runs.context(spec("{duration: 100ms, cpu: %s, memory: %s}".formatted(cpu, memory), faas));
      FaasSettings s = Runs.settings(new FaasModel(), ctx);
      assertThat(s.memorySizeMb()).as("settings %s", faas).isEqualTo(expectedMb);
      assertThat(FaasModel.cpuSlowdown(ctx.workload(), s.memorySizeMb(), s.cpuBound())).as("default memory never slows requests").isEqualTo(1.0);
    }
  }

  @ParameterizedTest(name = "cpu {0}, memorySize {1}")
  @CsvSource({"1, 884", "1, 128", "1, 442", "1, 1769", "1, 3538", "2, 1769", "250m, 128"})
  void explicitSmallMemoryStretchesCpuBoundRequests(String cpu, int memoryMb) {
    // A function whose CPU share (memory / 1,769 MB) is below the request's CPU runs each request cpu/share times longer, never shorter.
    double cores = cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1)) / 1000.0 : Double.parseDouble(cpu);
    double factor = Math.max(1.0, cores / (memoryMb / 1769.0));
    ModelResult.Figures f = Runs.figures(new FaasModel(),
        spec("{duration: 100ms, cpu: %s, memory: 128Mi}".formatted(cpu), "{memorySize: %d, keepAlive: forever, coldStart: 0ms}".formatted(memoryMb)));
    assertThat(f.requests()).isEqualTo(30);
    assertThat(f.coldStarts()).isEqualTo(1);
    double expectedMs = Math.round(100 * SimTime.NANOS_PER_MILLI * factor) / 1e6;
    assertThat(f.latencyMs().mean()).isCloseTo(expectedMs, within(1e-6));
    assertThat(f.latencyMs().max()).isCloseTo(expectedMs, within(1e-6));
  }

  @Test
  void memorySizeOutOfRangeIsReportedAtItsLine() {
    // memorySize below 128 MB is a problem marked at the line of the value.
    String yaml = spec("{duration: 100ms}", "\n    memorySize: 64\n    timeout: 10s");
    List<Problem> problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("memorySize").contains("between 128 and 10240").contains("64");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "memorySize: 64"));
      assertThat(p.where().file()).isEqualTo("t.yaml");
    });
  }

  @Test
  void unknownKeepAlivePolicyIsReported() {
    // A keepAlive that is neither none, forever nor {fixed: ...} is a problem naming the policy, at its line.
    String yaml = spec("{duration: 100ms}", "\n    keepAlive: sometimes");
    assertThat(Runs.bindProblems(new FaasModel(), yaml)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("unknown keep-alive policy 'sometimes'");
      assertThat(p.hint()).contains("none").contains("forever").contains("fixed");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "keepAlive: sometimes"));
    });
  }

  @Test
  void provisionedAboveReservedIsReported() {
    // provisionedConcurrency above reservedConcurrency is a problem at the provisionedConcurrency key, as AWS rejects it.
    String yaml = spec("{duration: 100ms}", "\n    reservedConcurrency: 5\n    provisionedConcurrency: 10");
    assertThat(Runs.bindProblems(new FaasModel(), yaml)).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("provisionedConcurrency (10) exceeds reservedConcurrency (5)");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "provisionedConcurrency: 10"));
    });
    assertThat(Runs.bindProblems(new FaasModel(), spec("{duration: 100ms}", "{reservedConcurrency: 5, provisionedConcurrency: 5}"))).isEmpty();
  }

  @Test
  void everyBadSettingIsReportedInOnePass() {
    // Each bad faas setting yields its own problem, in file order, rather than the first stopping the rest.
    String yaml = spec("{duration: 100ms}", String.join("\n    ", "", "memorySize: 64", "timeout: 20m", "keepAlive: sometimes",
        "architecture: sparc", "reservedConcurrency: 2", "provisionedConcurrency: 3", "instanceSelection: fifo", "memorySise: 128"));
    List<Problem> problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).extracting(p -> p.where().line()).containsExactly(
        Runs.lineOf(yaml, "memorySize: 64"), Runs.lineOf(yaml, "timeout: 20m"), Runs.lineOf(yaml, "keepAlive: sometimes"),
        Runs.lineOf(yaml, "architecture: sparc"), Runs.lineOf(yaml, "provisionedConcurrency: 3"),
        Runs.lineOf(yaml, "instanceSelection: fifo"), Runs.lineOf(yaml, "memorySise"));
    assertThat(problems.get(6).message()).contains("unknown key 'memorySise'");
    assertThat(problems.get(6).hint()).contains("memorySize");
  }

  @Test
  void explicitSettingsAreBoundAsWritten() {
    // Settings written in the spec reach the bound settings unchanged (SAM names, SPEC.md §2).
    RunContext ctx = Runs.context(spec("{duration: 100ms}", "{memorySize: 2048, timeout: 30s, architecture: arm64, keepAlive: {fixed: 90s},"
        + " coldStart: 250ms, provisionedConcurrency: 2, reservedConcurrency: 40, instanceSelection: lru, freeTier: true}"));
    FaasSettings s = Runs.settings(new FaasModel(), ctx);
    assertThat(s.memorySizeMb()).isEqualTo(2048);
    assertThat(s.timeoutNanos()).isEqualTo(30 * SimTime.NANOS_PER_SECOND);
    assertThat(s.architecture()).isEqualTo("arm64");
    assertThat(s.keepAlive().constantKeepAliveNanos()).isEqualTo(90 * SimTime.NANOS_PER_SECOND);
    assertThat(s.coldStart().quantileNanos(0.5)).isEqualTo(250 * SimTime.NANOS_PER_MILLI);
    assertThat(s.provisionedConcurrency()).isEqualTo(2);
    assertThat(s.reservedConcurrency()).isEqualTo(40);
    assertThat(s.instanceSelection()).isEqualTo(InstanceSelection.LRU);
    assertThat(s.freeTier()).isTrue();
  }

  @Test
  void absentSettingsTakeTheDocumentedDefaults() {
    // Defaults: 900 s timeout, x86_64, 10 min keep-alive, no provisioned concurrency, the 1,000 account limit, MRU, no free tier.
    FaasSettings s = Runs.settings(new FaasModel(), Runs.context(spec("{duration: 100ms, cpu: 100m}", null)));
    assertThat(s.timeoutNanos()).isEqualTo(900 * SimTime.NANOS_PER_SECOND);
    assertThat(s.architecture()).isEqualTo("x86_64");
    assertThat(s.keepAlive().constantKeepAliveNanos()).isEqualTo(10 * SimTime.NANOS_PER_MINUTE);
    assertThat(s.pings().enabled()).isFalse();
    assertThat(s.provisionedConcurrency()).isZero();
    assertThat(s.reservedConcurrency()).isEqualTo(1000);
    assertThat(s.instanceSelection()).isEqualTo(InstanceSelection.MRU);
    assertThat(s.freeTier()).isFalse();
  }
}
