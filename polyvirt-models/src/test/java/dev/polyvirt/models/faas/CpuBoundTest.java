package dev.polyvirt.models.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import dev.polyvirt.spec.Problem;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code models.faas.cpuBound}: how much of a request's duration stretches when memory buys less CPU than it needs. */
class CpuBoundTest {

  private static String spec(String cpu, String faas) {
    return Runs.spec("30m", """
        runtime: python
        traffic: {schedule: {cron: "* * * * *"}}
        request: {duration: 100ms, cpu: %s, memory: 128Mi}
        candidates: [faas]
        models:
          faas: %s
        """.formatted(cpu, faas));
  }

  @ParameterizedTest(name = "cpu {0}, {1} MB, f {2} -> x{3}")
  @CsvSource({
      // share = M / 1769; factor = (1 - f) + f * max(1, c / share), worked out by hand
      "1,   884,   1,   2.001131221719457",   // 1769/884
      "1,   884,   0.5, 1.5005656108597285",  // 0.5 + 0.5 * 1769/884
      "1,   884,   0,   1",
      "1,   128,   1,   13.8203125",          // 1769/128
      "1,   128,   0.5, 7.41015625",          // 0.5 + 0.5 * 13.8203125
      "1,   128,   0.25, 4.205078125",        // 0.75 + 0.25 * 13.8203125
      "1,   1769,  1,   1",
      "1,   1769,  0.5, 1",
      "1,   3538,  1,   1",                   // above the need nothing speeds up
      "2,   1769,  1,   2",
      "2,   1769,  0.5, 1.5",
      "2,   1769,  0,   1",
      "0.25, 128,  1,   3.455078125",         // 0.25 * 1769/128
      "0.25, 443,  1,   1",                   // 443 MB gives 0.2504 vCPU
      "8,   10240, 1,   1.3820312500000000",  // share capped at min(6, 5.788...) = 10240/1769; 8 * 1769 / 10240
      "8,   10240, 0.5, 1.1910156250000000"})
  void factorIsTheCpuBoundShareStretchedByNeedOverShare(double cores, int memoryMb, double f, double expected) {
    // A request's duration is multiplied by (1 - f) + f * max(1, c / min(6, M / 1769)): only its CPU-bound share stretches, and only below the need.
    assertThat(FaasModel.cpuSlowdown(cores, memoryMb, f)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shareIsCappedAtSixVcpus() {
    // Lambda gives one vCPU per 1,769 MB up to 6 vCPUs: a 12-core request at 10,240 MB (5.79 vCPU) stretches by 12/5.79, never by 12/6 or less.
    assertThat(FaasModel.vcpus(1769)).isEqualTo(1.0);
    assertThat(FaasModel.vcpus(10_240)).isCloseTo(10_240 / 1769.0, within(1e-12));
    assertThat(FaasModel.vcpus(10_240)).isLessThan(6);
    assertThat(Math.min(FaasModel.MAX_VCPUS, 20_000 / FaasModel.MB_PER_VCPU)).isEqualTo(6.0);
    assertThat(FaasModel.cpuSlowdown(12, 10_240, 1)).isCloseTo(12 * 1769 / 10_240.0, within(1e-12));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void factorIsLinearInTheCpuBoundShareAndNeverBelowOne(long seed) {
    // For any need, size and share, the factor lies between 1 and the fully CPU-bound factor, is linear in f, and never grows with memory.
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < 200; k++) {
      double cores = 0.05 + 7.95 * rnd.nextDouble();
      int memory = 128 + rnd.nextInt(10_240 - 128 + 1);
      double f = rnd.nextDouble();
      double full = FaasModel.cpuSlowdown(cores, memory, 1);
      double x = FaasModel.cpuSlowdown(cores, memory, f);
      assertThat(FaasModel.cpuSlowdown(cores, memory, 0)).isEqualTo(1.0);
      assertThat(full).isGreaterThanOrEqualTo(1.0);
      assertThat(x).isBetween(1.0, full);
      assertThat(x).isCloseTo(1 + f * (full - 1), within(1e-9));
      int more = memory + rnd.nextInt(10_240 - memory + 1);
      assertThat(FaasModel.cpuSlowdown(cores, more, f)).isLessThanOrEqualTo(x);
    }
  }

  @ParameterizedTest(name = "cpu {0}, {1} MB, cpuBound {2}")
  @CsvSource({"1, 884, 0.5", "1, 884, 0", "1, 128, 0.25", "2, 1769, 0.5", "250m, 128, 0.8", "1, 3538, 0.5"})
  void simulatedRequestsRunTheStretchedDuration(String cpu, int memoryMb, double f) {
    // With 0-ms cold starts and one warm instance, every request's latency is its 100-ms duration times the cpuBound factor, rounded to the ns.
    double cores = cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1)) / 1000.0 : Double.parseDouble(cpu);
    double factor = (1 - f) + f * Math.max(1.0, cores / (memoryMb / 1769.0));
    ModelResult.Figures r = Runs.figures(new FaasModel(),
        spec(cpu, "{memorySize: %d, cpuBound: %s, keepAlive: forever, coldStart: 0ms}".formatted(memoryMb, f)));
    assertThat(r.requests()).isEqualTo(30);
    double expectedMs = Math.round(100 * SimTime.NANOS_PER_MILLI * factor) / 1e6;
    assertThat(r.latencyMs().mean()).isCloseTo(expectedMs, within(1e-6));
    assertThat(r.latencyMs().max()).isCloseTo(expectedMs, within(1e-6));
  }

  @Test
  void absentCpuBoundIsFullyCpuBound() {
    // Without cpuBound the request is CPU-bound for its whole duration (today's behaviour): the setting binds to 1.0.
    FaasSettings s = Runs.settings(new FaasModel(), Runs.context(spec("1", "{memorySize: 884}")));
    assertThat(s.cpuBound()).isEqualTo(1.0);
    assertThat(Runs.settings(new FaasModel(), Runs.context(spec("1", "{memorySize: 884, cpuBound: 0.3}"))).cpuBound()).isEqualTo(0.3);
  }

  @Test
  void notesExplainThePartialStretch() {
    // A partly CPU-bound request on too little memory gets a note naming its CPU-bound share, that share's stretch and the whole request's.
    ModelResult r = Runs.run(new FaasModel(), spec("1", "{memorySize: 884, cpuBound: 0.5, coldStart: 0ms}"));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("CPU-bound 50 %"));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n)
        .isEqualTo("884 MB gives 0.50 vCPU, less than the 1000m CPU a request needs: the CPU-bound 50 % of each request runs 2.00x longer,"
            + " so requests run 1.50x longer"));
    ModelResult full = Runs.run(new FaasModel(), spec("1", "{memorySize: 884, coldStart: 0ms}"));
    assertThat(full.notes()).contains("884 MB gives 0.50 vCPU, less than the 1000m CPU a request needs: requests run 2.00x longer");
  }

  @ParameterizedTest(name = "cpuBound: {0}")
  @ValueSource(strings = {"1.5", "-0.1", "half"})
  void cpuBoundOutsideZeroToOneIsReportedAtItsLine(String value) {
    // cpuBound is a share of the duration: anything but a number in [0, 1] is a problem marked at the value's line.
    String yaml = spec("1", "\n    memorySize: 884\n    cpuBound: " + value);
    List<Problem> problems = Runs.bindProblems(new FaasModel(), yaml);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("cpuBound");
      assertThat(p.where().line()).isEqualTo(Runs.lineOf(yaml, "cpuBound: " + value));
    });
  }
}
