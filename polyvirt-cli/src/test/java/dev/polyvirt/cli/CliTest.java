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

/** The command line as SPEC.md §1 defines it: outputs, exit codes and error messages. */
class CliTest {
  static final String SPEC = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: cli-test
      seed: 3
      horizon: 2h
      workloads:
        - name: hook
          runtime: python
          traffic: {poisson: {ratePerSecond: 0.05}}
          request: {duration: 100ms, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 2s}
          candidates: [vm, container, faas, wasm]
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  Path spec(String text) throws Exception {
    Path p = dir.resolve("spec.yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void planPrintsTableAndWritesReportAndJson() throws Exception {
    // plan prints a table with a recommendation and writes report.html and results.json under --out
    Path out = dir.resolve("out");
    Run r = run("plan", spec(SPEC).toString(), "--out", out.toString(), "--no-color");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("hook", "recommended: faas", "not modelled in this version: wasm");
    assertThat(out.resolve("report.html")).exists();
    JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
    assertThat(json.get("spec").asString()).isEqualTo("cli-test");
    assertThat(json.get("workloads").get(0).get("recommendation").get("model").asString()).isEqualTo("faas");
  }

  @Test
  void jsonDashPrintsOnlyJsonOnStdout() throws Exception {
    // --json - writes the JSON result alone to standard output and the human text to standard error
    Run r = run("plan", spec(SPEC).toString(), "--out", dir.resolve("o").toString(), "--json", "-");
    assertThat(r.code()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("seed").asLong()).isEqualTo(3);
    assertThat(r.err()).contains("recommended: faas");
  }

  @Test
  void seedOptionOverridesTheSpec() throws Exception {
    // --seed replaces the spec's seed in the result
    Run r = run("plan", spec(SPEC).toString(), "--out", dir.resolve("o").toString(), "--json", "-", "--seed", "99");
    assertThat(JsonMapper.builder().build().readTree(r.out()).get("seed").asLong()).isEqualTo(99);
  }

  @Test
  void badSpecExitsTwoWithEveryProblemAndNoStackTraceAndWritesNothing() throws Exception {
    // bad input: exit 2, each problem as file:line:column with a hint, no stack trace, no output files
    String bad = SPEC.replace("runtime: python", "runtime: pyton").replace("request:", "requst:");
    Path out = dir.resolve("never");
    Run r = run("plan", spec(bad).toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("spec.yaml:8:14: error:", "did you mean 'python'?", "spec.yaml:10:5: error: unknown key 'requst'",
        "did you mean 'request'?", "problems; nothing was written");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingFileExitsTwo() {
    // a spec path that does not exist is bad input, not a crash
    Run r = run("plan", dir.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml: error: no such file");
  }

  @Test
  void unknownOptionAndUnknownModelExitTwo() throws Exception {
    // option errors are bad input too, with a pointer to --help
    assertThat(run("plan", "--frobnicate").code()).isEqualTo(2);
    Run r = run("plan", spec(SPEC).toString(), "--models", "vm,lambda");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'lambda'", "faas");
  }

  @Test
  void simulateShowsOneModelInFull() throws Exception {
    // simulate prints every figure of the one model asked for
    Run r = run("simulate", spec(SPEC).toString(), "--model", "faas", "--workload", "hook");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("hook on faas", "cold starts", "cost USD", "energy");
    assertThat(r.out()).doesNotContain("on vm");
    Run missing = run("simulate", spec(SPEC).toString(), "--model", "faas", "--workload", "nope");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no workload 'nope'", "hook");
  }

  @Test
  void versionNamesTheBundledPriceBooks() {
    // version prints the version and each bundled price book with its date
    Run r = run("version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("polyvirt 1.0.0", "aws-us-east-1@2025-10-01");
  }
}
