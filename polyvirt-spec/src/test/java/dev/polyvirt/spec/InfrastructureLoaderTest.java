package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The infrastructure section reads into typed values, and every mistake is reported at its line:column with a hint. */
class InfrastructureLoaderTest {
  static final List<String> MODELS = List.of("vm", "datacenter");
  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: dc
      infrastructure:
        hostModels:
          - {name: r640, cores: 32, mipsPerCore: 2500, memory: 384Gi, powerWatts: [110, 380], costPerMonth: 350}
        datacenters:
          - name: dc1
            zones:
              - {name: a, hostModel: r640, hosts: 6}
        hypervisor: {type: type2, licence: {perCorePerMonth: 6}}
        placement: best-fit
        overcommit: {cpu: 2.0}
        failures:
          - {host: 5, at: 6h}
        drs: {interval: 5m, imbalance: 0.25}
      workloads:
        - name: batch
          kind: job
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 2m}
          candidates: [datacenter]
          models:
            datacenter: {vms: 4}
      """;

  @Test
  void aCompleteSectionReadsIntoTypedValues() {
    Problems problems = new Problems();
    Portfolio p = PortfolioLoader.parse("dc.yaml", SPEC, Path.of("/specs"), MODELS, problems).orElseThrow();
    assertThat(problems.all()).isEmpty();
    var node = p.workloads().get(0).models().get("datacenter");
    Fields f = Fields.of(node, problems, "models.datacenter").orElseThrow();
    assertThat(f.string("kind")).contains("job");
    assertThat(f.string("vms")).contains("4");
    Infrastructure infra = InfrastructureLoader.read(f.node("infrastructure").orElseThrow(), PortfolioLoader.PLACEMENTS, problems).orElseThrow();
    assertThat(infra.hostCount()).isEqualTo(6);
    assertThat(infra.hostModels().get(0).memoryMiB()).isEqualTo(384 * 1024);
    assertThat(infra.hypervisor().type()).isEqualTo("type2");
    assertThat(infra.hypervisor().overhead()).isEqualTo(0.10); // type 2 default (seed 003: 5-10 %)
    assertThat(infra.placement()).isEqualTo("best-fit");
    assertThat(infra.cpuOvercommit()).isEqualTo(2.0);
    assertThat(infra.failures()).hasSize(1);
    assertThat(infra.failures().get(0).detectNanos()).isEqualTo(30_000_000_000L);
    assertThat(infra.drs().orElseThrow().imbalance()).isEqualTo(0.25);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void mistakesAreReportedAtTheirPlaceWithAHint() {
    String bad = SPEC.replace("placement: best-fit", "placement: bset-fit")
        .replace("hostModel: r640, hosts: 6", "hostModel: r460, hosts: 6")
        .replace("drs: {interval: 5m", "drs: {intreval: 5m")
        .replace("{host: 5, at: 6h}", "{host: 9, at: 6h}");
    Problems problems = new Problems();
    PortfolioLoader.parse("dc.yaml", bad, Path.of("/specs"), MODELS, problems);
    List<String> shown = problems.all().stream().map(p -> p.where().line() + ":" + p.where().column() + " " + p.message() + " | " + p.hint()).toList();
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("10:").contains("unknown host model 'r460'").contains("did you mean 'r640'?"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("12:").contains("'placement' must be one of").contains("did you mean 'best-fit'?"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("15:").contains("'host' must be between 0 and"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("16:").contains("unknown key 'intreval'").contains("did you mean 'interval'?"));
  }

  @Test
  void aSpecWithoutInfrastructureGivesTheDatacenterModelNothing() {
    Problems problems = new Problems();
    String plain = SPEC.substring(0, SPEC.indexOf("infrastructure:")) + SPEC.substring(SPEC.indexOf("workloads:"))
        .replace("kind: job", "kind: service").replace("models:\n      datacenter: {vms: 4}", "");
    Optional<Portfolio> p = PortfolioLoader.parse("dc.yaml", plain.replace("    models:\n      datacenter: {vms: 4}\n", ""), Path.of("/"),
        MODELS, problems);
    assertThat(problems.all()).isEmpty();
    assertThat(p.orElseThrow().workloads().get(0).models()).doesNotContainKey("datacenter");
  }
}
