package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The infrastructure's memory reclaim, failure-distribution, HA-reservation and VM-ops keys: values, defaults, mistakes. */
class InfrastructureReclaimTest {
  static final String SCHEDULED = "  failures:\n    - {host: 5, at: 6h}";

  static Infrastructure read(String spec, Problems problems) {
    Portfolio p = PortfolioLoader.parse("dc.yaml", spec, Path.of("/specs"), InfrastructureLoaderTest.MODELS, problems).orElseThrow();
    Fields f = Fields.of(p.workloads().get(0).models().get("datacenter"), problems, "models.datacenter").orElseThrow();
    return InfrastructureLoader.read(f.node("infrastructure").orElseThrow(), PortfolioLoader.PLACEMENTS, problems).orElseThrow();
  }

  static List<String> problems(String spec) {
    Problems problems = new Problems();
    PortfolioLoader.parse("dc.yaml", spec, Path.of("/specs"), InfrastructureLoaderTest.MODELS, problems);
    return problems.all().stream().map(p -> p.where().line() + ":" + p.where().column() + " " + p.message() + " | " + p.hint()).toList();
  }

  @Test
  void overcommitReadsBalloonAndSwapSlowdownWithSourcedDefaults() {
    Problems problems = new Problems();
    Infrastructure plain = read(InfrastructureLoaderTest.SPEC, problems);
    assertThat(plain.memoryReclaim().balloon()).isEqualTo(0.65); // ESXi Mem.CtlMaxPercent
    assertThat(plain.memoryReclaim().swapSlowdown()).isEqualTo(10); // assumption (VSWAPPER: order of magnitude)
    Infrastructure set = read(InfrastructureLoaderTest.SPEC.replace("overcommit: {cpu: 2.0}",
        "overcommit: {cpu: 2.0, memory: 1.5, balloon: 0.3, swapSlowdown: 4}"), problems);
    assertThat(set.memoryOvercommit()).isEqualTo(1.5);
    assertThat(set.memoryReclaim().balloon()).isEqualTo(0.3);
    assertThat(set.memoryReclaim().swapSlowdown()).isEqualTo(4);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void aMisspeltReclaimKeyIsReportedWithDidYouMean() {
    List<String> shown = problems(InfrastructureLoaderTest.SPEC.replace("overcommit: {cpu: 2.0}", "overcommit: {cpu: 2.0, baloon: 0.5}"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("13:").contains("unknown key 'baloon'").contains("did you mean 'balloon'?"));
    shown = problems(InfrastructureLoaderTest.SPEC.replace("overcommit: {cpu: 2.0}", "overcommit: {cpu: 2.0, balloon: 1.5}"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("13:").contains("'balloon' must be between 0.0 and 1.0"));
  }

  @Test
  void failuresAsAMappingAreMtbfAndMttrDistributionsBesideTheSchedule() {
    Problems problems = new Problems();
    Infrastructure infra = read(InfrastructureLoaderTest.SPEC.replace(SCHEDULED,
        "  failures:\n    mtbf: 2000h\n    mttr: {lognormal: {p50: 2h, p99: 24h}}\n    boot: 90s\n    schedule: [{host: 5, at: 6h}]\n"
            + "  ha: {reserveHosts: 1}"), problems);
    assertThat(problems.all()).isEmpty();
    var process = infra.failureProcess().orElseThrow();
    // a bare duration is the mean of an exponential (memoryless failures)
    assertThat(process.timeToFailure()).isEqualTo(new dev.polyvirt.engine.dist.Exponential(2000 * 3600e9));
    assertThat(process.timeToRepair()).isInstanceOf(dev.polyvirt.engine.dist.LogNormal.class);
    assertThat(process.bootNanos()).isEqualTo(90_000_000_000L);
    assertThat(process.detectNanos()).isEqualTo(30_000_000_000L);
    assertThat(infra.failures()).hasSize(1);
    assertThat(infra.haReserveHosts()).isEqualTo(1);
  }

  @Test
  void failureAndHaMistakesAreReportedAtTheirPlace() {
    List<String> shown = problems(InfrastructureLoaderTest.SPEC.replace(SCHEDULED,
        "  failures: {mtfb: 2000h}\n  ha: {reserveHosts: 6}"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("14:").contains("unknown key 'mtfb'").contains("did you mean 'mtbf'?"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("14:").contains("need 'mtbf'"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("15:").contains("'reserveHosts' must be between 0 and 5"));
  }

  @Test
  void opsReadsHoursRateAndWindowsLicenceWithAssumedDefaults() {
    Problems problems = new Problems();
    assertThat(read(InfrastructureLoaderTest.SPEC, problems).vmOps()).isEqualTo(Infrastructure.VmOpsSpec.NONE);
    Infrastructure infra = read(InfrastructureLoaderTest.SPEC.replace("placement: best-fit", "placement: best-fit\n  ops: {}"), problems);
    assertThat(infra.vmOps().hoursPerVmPerMonth()).isEqualTo(0.5);
    assertThat(infra.vmOps().ratePerHour()).isEqualByComparingTo("75");
    assertThat(problems.all()).isEmpty();
    List<String> shown = problems(InfrastructureLoaderTest.SPEC.replace("placement: best-fit",
        "placement: best-fit\n  ops: {hoursPerVmPerMnth: 1}"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("13:").contains("unknown key 'hoursPerVmPerMnth'")
        .contains("did you mean 'hoursPerVmPerMonth'?"));
  }

  @Test
  void snapshotsReadWithSourcedDefaultsAndMistakesAtTheirPlace() {
    Problems problems = new Problems();
    Infrastructure infra = read(InfrastructureLoaderTest.SPEC.replace("placement: best-fit",
        "placement: best-fit\n  snapshots: {every: 12h, retention: 14}"), problems);
    var snap = infra.snapshots().orElseThrow();
    assertThat(snap.everyNanos()).isEqualTo(12 * 3600_000_000_000L);
    assertThat(snap.retention()).isEqualTo(14);
    assertThat(snap.pricePerGbMonth()).isEqualByComparingTo("0.05"); // EBS standard snapshots, us-east-1
    assertThat(problems.all()).isEmpty();
    List<String> shown = problems(InfrastructureLoaderTest.SPEC.replace("placement: best-fit",
        "placement: best-fit\n  snapshots: {every: 12h, retension: 14}"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("13:").contains("unknown key 'retension'")
        .contains("did you mean 'retention'?"));
  }
}
