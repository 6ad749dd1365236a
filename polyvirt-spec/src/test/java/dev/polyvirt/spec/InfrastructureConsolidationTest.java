package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** consolidation:, migration:, network: and snapshot rollbacks read into typed values with their defaults, and mistakes point at their place. */
class InfrastructureConsolidationTest {
  static final String SPEC = InfrastructureLoaderTest.SPEC.replace("  drs: {interval: 5m, imbalance: 0.25}\n",
      "  drs: {interval: 5m, imbalance: 0.25}\n"
      + "  consolidation: {interval: 10m, overload: mad}\n"
      + "  migration: {dirtyRate: 20Mi, maxDowntime: 100ms}\n"
      + "  network: {pricePerGb: 0}\n"
      + "  snapshots: {every: 24h, rollback: [{vm: 1, at: 12h}]}\n");

  static Infrastructure read(String yaml, Problems problems) {
    Portfolio p = PortfolioLoader.parse("dc.yaml", yaml, Path.of("/specs"), InfrastructureLoaderTest.MODELS, problems).orElseThrow();
    Fields f = Fields.of(p.workloads().get(0).models().get("datacenter"), problems, "models.datacenter").orElseThrow();
    return InfrastructureLoader.read(f.node("infrastructure").orElseThrow(), PortfolioLoader.PLACEMENTS, problems).orElseThrow();
  }

  @Test
  void theNewKeysReadWithTheirDefaults() {
    Problems problems = new Problems();
    Infrastructure infra = read(SPEC, problems);
    assertThat(problems.all()).isEmpty();
    Infrastructure.ConsolidationSpec c = infra.consolidation().orElseThrow();
    assertThat(c.intervalNanos()).isEqualTo(600_000_000_000L);
    assertThat(c.overload()).isEqualTo("mad");
    assertThat(c.parameter()).isEqualTo(2.5); // CloudSim's MAD safety parameter
    assertThat(c.selection()).isEqualTo("mmt");
    assertThat(c.underload()).isTrue();
    assertThat(infra.migration().dirtyMiBps()).isEqualTo(20.0);
    assertThat(infra.migration().maxDowntimeNanos()).isEqualTo(100_000_000L);
    assertThat(infra.migration().maxRounds()).isEqualTo(30);
    assertThat(infra.network().pricePerGb()).isEqualByComparingTo("0");
    assertThat(infra.network().crossZonePricePerGb()).isEqualByComparingTo("0.02"); // $0.01/GB out + $0.01/GB in
    assertThat(infra.snapshots().orElseThrow().rollbacks()).containsExactly(new Infrastructure.RollbackSpec(1, 12 * 3_600_000_000_000L));
  }

  @Test
  void withoutTheKeysThereIsNoConsolidationAndMigrationIsFreeOfNetworkCharges() {
    Problems problems = new Problems();
    Infrastructure infra = read(InfrastructureLoaderTest.SPEC, problems);
    assertThat(infra.consolidation()).isEmpty();
    assertThat(infra.network()).isEqualTo(Infrastructure.NetworkSpec.FREE);
    assertThat(infra.migration()).isEqualTo(InfrastructureLoader.DEFAULT_MIGRATION);
  }

  @Test
  void mistakesAreReportedAtTheirPlace() {
    String bad = SPEC.replace("overload: mad}", "overload: mda, threshold: 0.7}").replace("{vm: 1, at: 12h}", "{vm: 1}");
    Problems problems = new Problems();
    PortfolioLoader.parse("dc.yaml", bad, Path.of("/specs"), InfrastructureLoaderTest.MODELS, problems);
    List<String> shown = problems.all().stream().map(p -> p.where().line() + " " + p.message() + " | " + p.hint()).toList();
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("17 ").contains("'overload' must be one of").contains("did you mean 'mad'?"));
    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("20 ").contains("a rollback needs 'at'"));
  }
}
