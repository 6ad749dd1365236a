package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kind: job workload replays an SWF job log on the datacenter: each job one task of its CPU-seconds. */
class SwfJobsTest {
  @TempDir Path dir;

  @Test
  void swfJobsRunAsTasksOfTheirCpuSeconds() throws IOException {
    // two jobs on one idle 1-vCPU VM, booted in 1 s: 100 s × 1 processor at 0 s, 30 s × 2 processors at 500 s
    Path log = Files.writeString(dir.resolve("jobs.swf"), "; made-up log\n"
        + "1 0 0 100 1 -1 -1 1 -1 -1 1 1 1 -1 1 -1 -1 -1\n2 500 0 30 2 -1 -1 2 -1 -1 1 1 1 -1 1 -1 -1 -1\n");
    String yaml = Runs.spec("1h", """
        kind: job
        runtime: java
        traffic: {trace: {format: swf, path: PATH}}
        request: {duration: 1s}
        candidates: [datacenter]
        models:
          datacenter: {vms: 1, vcpus: 1, boot: 1s}
        """.replace("PATH", log.toString())).replace("workloads:",
        VmRunningCostsTest.INFRA.replace("OPS", "").stripTrailing() + "\nworkloads:");
    ModelResult r = Runs.run(new DatacenterModel(), yaml);
    ModelResult.Figures f = r.figures().orElseThrow();
    assertThat(f.requests()).isEqualTo(2);
    assertThat(f.completed()).isEqualTo(2);
    // responses: 1 s boot + 100 s, and 60 CPU-seconds on the one vCPU: mean 80.5 s
    assertThat(f.latencyMs().mean()).isCloseTo(80_500, within(1.0));
    assertThat(r.metrics().get("makespanSeconds")).isCloseTo(560, within(1e-6));
  }
}
