package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.planner.WorkloadPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner agrees with the seed's decision table (seed 003, "The Decision Framework"): for the
 * archetype workload of each row (examples/decision-table.yaml), the recommendation is a model the
 * table marks ✅ and never one it marks ❌. The table's columns map to models as VMs → vm,
 * Containers → container, Serverless → faas and serverless-container; ⚠️ cells are neither.
 */
class DecisionTableTest {
  /** One row of the table: the archetype workload, the models marked ✅, the models marked ❌. */
  record Row(String workload, Set<String> good, Set<String> bad) {
    @Override
    public String toString() {
      return workload;
    }
  }

  private static final Set<String> SERVERLESS = Set.of("faas", "serverless-container");
  private static Plan plan;

  static List<Row> rows() {
    return List.of(
        // Stateless API / microservice: VMs ⚠️, Containers ✅, Serverless ✅
        new Row("stateless-api", union(Set.of("container"), SERVERLESS), Set.of()),
        // Stateful database: VMs ✅, Containers ⚠️, Serverless ❌
        new Row("orders-database", Set.of("vm"), SERVERLESS),
        // Event-driven processing: VMs ❌, Containers ⚠️, Serverless ✅
        new Row("upload-events", SERVERLESS, Set.of("vm")),
        // Legacy OS-dependent app: VMs ✅, Containers ❌, Serverless ❌
        new Row("legacy-erp", Set.of("vm"), union(Set.of("container"), SERVERLESS)),
        // ML training: VMs ✅ (GPU VM), Containers ✅ (GPU containers), Serverless ⚠️
        new Row("ml-training", Set.of("vm", "container"), Set.of()),
        // Batch job (< 15 min): VMs ⚠️, Containers ✅, Serverless ✅
        new Row("hourly-report", union(Set.of("container"), SERVERLESS), Set.of()),
        // Long-running batch job: VMs ✅, Containers ✅, Serverless ❌
        new Row("nightly-etl", Set.of("vm", "container"), SERVERLESS),
        // High-traffic consistent API: VMs ✅, Containers ✅, Serverless ⚠️
        new Row("steady-api", Set.of("vm", "container"), Set.of()),
        // Bursty traffic (0–1000x): VMs ❌, Containers ✅, Serverless ✅
        new Row("flash-sale", union(Set.of("container"), SERVERLESS), Set.of("vm")),
        // Developer tooling / CI/CD: VMs ⚠️, Containers ✅, Serverless ✅
        new Row("ci-jobs", union(Set.of("container"), SERVERLESS), Set.of()));
  }

  @BeforeAll
  static void planTheExample() throws Exception {
    plan = new Planner(2, s -> {}).plan(BoundPortfolio.load(Path.of("..", "examples", "decision-table.yaml")), Set.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void recommendationIsMarkedGoodAndNeverBad(Row row) {
    Map<String, WorkloadPlan> byName = new LinkedHashMap<>();
    plan.workloads().forEach(w -> byName.put(w.workload().workload().name(), w));
    WorkloadPlan w = byName.get(row.workload());
    assertThat(w).as("the example has a workload for the row").isNotNull();
    String chosen = w.recommendation().model().orElseThrow();
    assertThat(row.good()).as("%s: recommended %s; rationale %s", row.workload(), chosen, w.recommendation().rationale())
        .contains(chosen);
    assertThat(row.bad()).doesNotContain(chosen);
    // the ❌ models the table rules out on hard limits are infeasible here too, with a reason
    for (String bad : row.bad()) {
      w.results().stream().filter(r -> r.model().equals(bad) && !r.feasible())
          .forEach(r -> assertThat(r.infeasibleReasons()).isNotEmpty());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyRowHasARunnerUpOrSaysWhyNot(Row row) {
    WorkloadPlan w = plan.workloads().stream().filter(p -> p.workload().workload().name().equals(row.workload())).findFirst().orElseThrow();
    long feasible = w.results().stream().filter(r -> r.feasible()).count();
    assertThat(w.assessment().runnerUp().isPresent() || feasible == 1).as(row.workload()).isTrue();
    assertThat(w.assessment().reason()).isNotBlank();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
