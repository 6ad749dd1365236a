package dev.polyvirt.models.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.Runs;
import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vm model: fleet sizing, burstable credits, the guest OS's memory, and feasibility. */
class VmModelTest {
  private static final double MEAN_SLOWDOWN = 1 / (1 - (VmModel.OVERHEAD_MIN + VmModel.OVERHEAD_MAX) / 2); // 5-10 %, mean 7.5 %

  private static String spec(String horizon, String traffic, String request, String requirements, String vm) {
    return Runs.spec(horizon, """
        runtime: java
        traffic: %s
        request: %s
        requirements: %s
        candidates: [vm]
        %s
        """.formatted(traffic, request, requirements, vm == null ? "" : "models:\n  vm: " + vm));
  }

  /**
   * Poisson 3/s of 1 s requests needing 1 core and 1 GiB: 3 Erlangs, 3.243 with the mean
   * hypervisor slowdown, sized for 60 % utilisation at peak. With 512 MiB kept by the guest OS:
   * t3.micro holds none; t3.small 1 (6 instances, $0.1248/h, plus (3 - 0.2·2·6) = 0.6 surplus
   * cores × $0.05 = $0.1548/h); t3.medium 2 (3, $0.1248/h + 1.8 × 0.05 = $0.2148/h); c5.large 2
   * (3, $0.255/h); m5.large 2 (3, $0.288/h); t3.large 2 (3, $0.2496 + $0.06); c5.xlarge 4 (2,
   * $0.34/h); m5.xlarge and m5.2xlarge $0.384/h; r5.large $0.378/h; Arm and GPU types are not
   * eligible. Cheapest: 6 × t3.small. (Without the credits t3.small and t3.medium would tie.)
   */
  @Test
  void fleetSizingPicksTheCheapestTypeThatCarriesThePeak() {
    // The default fleet is the instance type (and count) whose expected hourly cost carrying the peak at 60 % is lowest, burst credits included.
    String yaml = spec("10m", "{poisson: {ratePerSecond: 3}}", "{duration: 1s, cpu: 1, memory: 1Gi}", "{}", null);
    RunContext ctx = Runs.context(yaml);
    VmSettings s = Runs.settings(new VmModel(), ctx);
    Fleet fleet = Fleet.choose(ctx, s, MEAN_SLOWDOWN).orElseThrow();
    assertThat(fleet.type().name()).isEqualTo("t3.small");
    assertThat(fleet.slots()).isEqualTo(1);
    assertThat(fleet.count()).isEqualTo(6);
    assertThat(fleet.expectedHourlyCost(ctx)).isCloseTo(new BigDecimal("0.1548"), within(new BigDecimal("1e-12")));

    ModelResult r = Runs.run(new VmModel(), ctx);
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.avgInstances()).isEqualTo(6.0);
    assertThat(f.peakInstances()).isEqualTo(6);
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("6 × t3.small"));
  }

  @Test
  void namedInstanceTypeIsSizedForThePeak() {
    // With instanceType set and no count, the fleet is that type, as many as carry the peak at 60 % (3.243 Erlangs / (2 slots × 0.6) -> 3).
    String yaml = spec("10m", "{poisson: {ratePerSecond: 3}}", "{duration: 1s, cpu: 1, memory: 1Gi}", "{}", "{instanceType: m5.large}");
    RunContext ctx = Runs.context(yaml);
    Fleet fleet = Fleet.choose(ctx, Runs.settings(new VmModel(), ctx), MEAN_SLOWDOWN).orElseThrow();
    assertThat(fleet).isEqualTo(new Fleet(ctx.priceBook().instanceType("m5.large").orElseThrow(), 2, 3));
  }

  @ParameterizedTest(name = "{0} per minute-long firing")
  @CsvSource({"5s", "12s", "30s", "50s"})
  void burstableSurplusCreditsAreBilledWhenMeanCpuExceedsBaseline(String duration) {
    // A t3 pays $0.05 per vCPU-hour of CPU used beyond what its baseline earned over the run, and nothing when it stays under.
    String yaml = spec("1h", "{schedule: {cron: \"* * * * *\"}}", "{duration: %s, cpu: 1, memory: 256Mi}".formatted(duration), "{}",
        "{instanceType: t3.micro, count: 1, hypervisorOverhead: 0}");
    ModelResult.Figures f = Runs.figures(new VmModel(), yaml);
    long seconds = Long.parseLong(duration.replace("s", ""));
    assertThat(f.requests()).isEqualTo(60);
    // t3.micro: 2 vCPU at a 10 % baseline earns 0.2 vCPU-s per second: 720 vCPU-s in the hour; one 1-core request a minute busies 60 × d core-s
    long surplus = Math.max(0, 60 * seconds - 720);
    BigDecimal expected = new BigDecimal("0.0104").add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(surplus))
        .divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128));
    assertThat(f.costUsd().total()).isCloseTo(expected, within(new BigDecimal("1e-15")));
    assertThat(f.costUsd().compute().add(f.costUsd().idle())).isCloseTo(expected, within(new BigDecimal("1e-15")));
    assertThat(f.costUsd().other()).isEqualByComparingTo("0");
  }

  @ParameterizedTest(name = "{0} per minute-long firing")
  @CsvSource({"30s", "50s"})
  void surplusCreditsAreComputeNotIdle(String duration) {
    // Surplus CPU credits pay for CPU actually used, so they belong to compute; idle is only the unused share of the instance-hours.
    String yaml = spec("1h", "{schedule: {cron: \"* * * * *\"}}", "{duration: %s, cpu: 1, memory: 256Mi}".formatted(duration), "{}",
        "{instanceType: t3.micro, count: 1, hypervisorOverhead: 0}");
    ModelResult.Figures f = Runs.figures(new VmModel(), yaml);
    long seconds = Long.parseLong(duration.replace("s", ""));
    // one t3.micro for 3600 s at $0.0104/h; CPU utilisation = 60 × d core-s / (3600 s × 2 vCPU)
    BigDecimal instance = new BigDecimal("0.0104");
    BigDecimal util = BigDecimal.valueOf(60 * seconds).divide(BigDecimal.valueOf(7200), MathContext.DECIMAL128);
    BigDecimal idle = instance.multiply(BigDecimal.ONE.subtract(util));
    assertThat(f.costUsd().idle()).as("idle = unused share of the instance price only").isCloseTo(idle, within(new BigDecimal("1e-12")));
  }

  @Test
  void guestOsMemoryExcludesAOneGibibyteT3MicroForAOneGibibyteRequest() {
    // A VM keeps 512 MiB for its OS by default, so a 1 GiB t3.micro cannot hold a 1 GiB request; without the reserve it holds one.
    String request = "{duration: 100ms, cpu: 250m, memory: 1Gi}";
    RunContext ctx = Runs.context(spec("10m", "{poisson: {ratePerSecond: 1}}", request, "{}", "{instanceType: t3.micro}"));
    InstanceType micro = ctx.priceBook().instanceType("t3.micro").orElseThrow();
    assertThat(Fleet.slots(micro, ctx, VmModel.OS_MEMORY)).isZero();
    assertThat(Fleet.slots(micro, ctx, 0)).isEqualTo(1);

    ModelResult r = Runs.run(new VmModel(), ctx);
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).singleElement().asString().contains("room for one request").contains("1024 MiB");

    assertThat(Runs.run(new VmModel(), spec("10m", "{poisson: {ratePerSecond: 1}}", request, "{}", "{instanceType: t3.micro, osMemory: 0}"))
        .feasible()).isTrue();
    RunContext free = Runs.context(spec("10m", "{poisson: {ratePerSecond: 1}}", request, "{}", null));
    assertThat(Fleet.eligible(free, VmModel.OS_MEMORY)).extracting(InstanceType::name).doesNotContain("t3.micro").contains("t3.small");
  }

  @Test
  void targetTrackingFromZeroInstancesIsRejected() {
    // autoscaling min: 0 is bad input: CPU target tracking has no instance to measure and would never scale back out.
    var problems = Runs.bindProblems(new VmModel(), Runs.spec("1h", 1, """
        runtime: python
        traffic: {poisson: {ratePerSecond: 1}}
        request: {duration: 100ms}
        models:
          vm: {autoscaling: {min: 0, max: 5}}
        """));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("'min: 0' would never scale back out");
      assertThat(p.hint()).contains("min: 1");
    });
  }

  @Test
  void instanceTypeMissingFromThePriceBookIsInfeasible() {
    // A named instance type the price book does not list makes vm infeasible with a reason naming the type and the book.
    ModelResult r = Runs.run(new VmModel(),
        spec("10m", "{poisson: {ratePerSecond: 1}}", "{duration: 100ms}", "{}", "{instanceType: m9.huge}"));
    assertThat(r.feasible()).isFalse();
    assertThat(r.figures()).isEmpty();
    assertThat(r.infeasibleReasons()).containsExactly("instance type m9.huge is not in price book aws-us-east-1@2025-10-01");
  }

  @Test
  void gpuWorkloadRunsOnlyOnTheGpuType() {
    // A workload needing a GPU is eligible only for GPU instance types: in this book, g4dn.xlarge.
    String yaml = spec("10m", "{poisson: {ratePerSecond: 1}}", "{duration: 100ms, cpu: 500m, memory: 1Gi}", "{gpu: 1}", null);
    RunContext ctx = Runs.context(yaml);
    assertThat(Fleet.eligible(ctx, VmModel.OS_MEMORY)).extracting(InstanceType::name).containsExactly("g4dn.xlarge");
    ModelResult r = Runs.run(new VmModel(), ctx);
    assertThat(r.feasible()).isTrue();
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("g4dn.xlarge"));
  }

  @Test
  void moreGpusThanAnyTypeOffersIsInfeasible() {
    // When no type has the GPUs a workload needs, vm is infeasible with a reason naming the GPU count.
    ModelResult r = Runs.run(new VmModel(),
        spec("10m", "{poisson: {ratePerSecond: 1}}", "{duration: 100ms, cpu: 500m, memory: 1Gi}", "{gpu: 2}", null));
    assertThat(r.feasible()).isFalse();
    assertThat(r.infeasibleReasons()).singleElement().asString().contains("2 GPU(s)");
  }

  @Test
  void fixedCountKeepsExactlyThatManyInstances() {
    // Without autoscaling, count instances run the whole horizon: avgInstances = peakInstances = count.
    ModelResult.Figures f = Runs.figures(new VmModel(), spec("30m", "{poisson: {ratePerSecond: 20}}",
        "{duration: 50ms, cpu: 250m, memory: 256Mi}", "{}", "{instanceType: c5.large, count: 4}"));
    assertThat(f.avgInstances()).isEqualTo(4.0);
    assertThat(f.peakInstances()).isEqualTo(4);
    assertThat(f.completed()).isEqualTo(f.requests());
  }
}
