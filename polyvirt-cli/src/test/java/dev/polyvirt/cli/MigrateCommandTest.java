package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code polyvirt migrate}: a phased roadmap with payback from today's placements; a bad --from file exits 2 with its line. */
class MigrateCommandTest {
  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: estate
      seed: 3
      horizon: 6h
      workloads:
        - name: hook
          runtime: python
          traffic: {poisson: {ratePerSecond: 0.02}}
          request: {duration: 200ms, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 3s}
          candidates: [vm, faas]
          models: {vm: {instanceType: m5.xlarge, count: 2}}
        - name: ledger
          runtime: java
          traffic: {poisson: {ratePerSecond: 1}}
          request: {duration: 50ms}
          requirements: {state: stateful}
          candidates: [vm, faas]
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void roadmapHasStrategyPhasesAndPayback() throws Exception {
    // hook moves from two idle m5.xlarge VMs to FaaS by refactoring (seed 002 Table 3), which pays back; the stateful ledger stays on its VM.
    Path spec = Files.writeString(dir.resolve("estate.yaml"), SPEC);
    Path current = Files.writeString(dir.resolve("current.yaml"), """
        apiVersion: polyvirt/v1
        kind: CurrentPlacement
        placements:
          hook: {model: vm, size: small}
          ledger: vm
        migration: {costPerPersonWeek: 1000, teamSize: 1}
        """);
    Run text = run("migrate", spec.toString(), "--from", current.toString(), "--no-color");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("1. hook: vm → faas  — refactor-and-rearchitect (small)", "payback in month", "parallel run",
        "ledger: vm → vm  — stays");
    Run json = run("migrate", spec.toString(), "--from", current.toString(), "--json", "-");
    JsonNode hook = JsonMapper.builder().build().readTree(json.out()).get("roadmap").get(0);
    assertThat(hook.get("strategy").asString()).isEqualTo("refactor-and-rearchitect");
    assertThat(hook.get("personWeeks").asDouble()).isEqualTo(5.0); // 10 person-weeks for a medium workload × 0.5 for a small one
    double saving = hook.get("currentUsdPerMonth").asDouble() - hook.get("targetUsdPerMonth").asDouble();
    double oneTime = hook.get("oneTimeUsd").asDouble();
    assertThat(oneTime).isGreaterThanOrEqualTo(5000); // 5 person-weeks × $1,000, plus the parallel run's bill
    double phases = 0;
    for (JsonNode p : hook.get("phases")) phases += p.get("personWeeks").asDouble();
    assertThat(phases).isEqualTo(5.0);
    // payback: savings start after 5 weeks of work, then repay the one-time cost
    assertThat(hook.get("paybackMonth").asInt()).isEqualTo((int) Math.ceil(5 / (52.143 / 12) + oneTime / saving));
  }

  @Test
  void aMisspeltWorkloadInTheCurrentPlacementIsBadInputWithItsLine() throws Exception {
    // A placement naming no workload of the spec exits 2 with file:line:column and the close name.
    Path spec = Files.writeString(dir.resolve("estate.yaml"), SPEC);
    Path current = Files.writeString(dir.resolve("current.yaml"), """
        apiVersion: polyvirt/v1
        kind: CurrentPlacement
        placements:
          hok: vm
          ledger: {model: vn}
        """);
    Run r = run("migrate", spec.toString(), "--from", current.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("current.yaml:4:3: error: no workload 'hok' in the spec", "did you mean 'hook'?")
        .contains("current.yaml:5:19: error: unknown compute model 'vn'").doesNotContain("Exception");
  }
}
