package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * examples/datacenter.yaml does what it promises — overcommit, a host failure answered by HA,
 * DRS migrations, empty hosts switched off — and gives byte-identical figures on 1 and 4 threads.
 * The batch's task count is the Poisson count of 0.2/s over a day (17,280 expected; within 3σ).
 */
class DatacenterExampleTest {
  static String example() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("examples/datacenter.yaml");
      if (Files.isRegularFile(f)) return Files.readString(f);
    }
    throw new AssertionError("examples/datacenter.yaml not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void theExampleExercisesFailuresHaDrsAndOvercommitDeterministically() throws IOException {
    String yaml = example();
    Plan one = Sims.plan(yaml, 1, Set.of("datacenter"));
    Plan four = Sims.plan(yaml, 4, Set.of("datacenter"));
    assertThat(four.toString()).isEqualTo(one.toString());
    ModelResult batch = one.workloads().get(0).results().get(0);
    assertThat(batch.model()).isEqualTo("datacenter");
    ModelResult.Figures f = batch.figures().orElseThrow();
    assertThat(f.requests()).isBetween(17_280L - 3 * 132, 17_280L + 3 * 132);
    assertThat(f.completed()).isEqualTo(f.requests());
    assertThat(batch.metrics().get("hostFailures")).isEqualTo(1.0);
    assertThat(batch.metrics().get("vmRestarts")).isPositive();
    assertThat(batch.metrics().get("migrations")).isPositive();
    assertThat(batch.metrics().get("hostsRunningVms")).isLessThan(batch.metrics().get("hosts"));
    assertThat(f.energyKwh()).isPositive();
    assertThat(batch.tables().get("hosts").rows()).hasSize(10);
    ModelResult service = one.workloads().get(1).results().get(0);
    assertThat(service.metrics().get("vmRestarts")).isEqualTo(4.0); // the four VMs shared host 0 under 2x overcommit
  }
}
