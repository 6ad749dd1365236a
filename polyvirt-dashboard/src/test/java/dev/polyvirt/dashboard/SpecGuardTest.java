package dev.polyvirt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.polyvirt.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard refuses exactly the values that lead outside the workspace, each at its line:column. */
class SpecGuardTest {
  @TempDir Path root;

  @Test
  void ordinaryValuesAndPathsInsideTheWorkspacePass() throws Exception {
    Files.createDirectories(root.resolve("examples/traces"));
    Workspace ws = new Workspace(root);
    String spec = """
        name: ok
        workloads:
          - name: nightly
            traffic: {schedule: {cron: "*/10 * * * *", requestsPerFiring: 3}}
          - name: replay
            traffic: {trace: {format: csv, path: traces/a.csv, durations: ../examples/traces/d.csv}}
            request: {duration: 20s, memory: 512Mi}
        """;
    assertThatCode(() -> SpecGuard.check("examples/ok.yaml", spec, ws.root().resolve("examples"), ws)).doesNotThrowAnyException();
  }

  @Test
  void everyValueLeadingOutsideIsAProblemAtItsPlace() throws Exception {
    Workspace ws = new Workspace(root);
    String spec = """
        name: bad
        priceBook: /etc/prices.yaml
        workloads:
          - name: replay
            traffic: {trace: {format: csv, path: ../../secret.csv}}
        """;
    SpecException e = catchThrowableOfType(() -> SpecGuard.check("examples/bad.yaml", spec, ws.root().resolve("examples"), ws),
        SpecException.class);
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).format()).startsWith("examples/bad.yaml:2:12: error: '/etc/prices.yaml' points outside the workspace");
    assertThat(e.problems().get(1).format()).startsWith("examples/bad.yaml:5:42: error: '../../secret.csv' points outside the workspace");
  }
}
