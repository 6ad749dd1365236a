package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The infrastructure's memory reclaim, failure-distribution, HA-reservation and VM-ops keys: values, defaults, mistakes. */
class InfrastructureReclaimTest {
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
}
