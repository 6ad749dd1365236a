package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** plan stores each run; results list and results query read them back; bad SQL is bad input (exit 2). */
class ResultsCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  Path spec() throws Exception {
    Path p = dir.resolve("spec.yaml");
    Files.writeString(p, CliTest.SPEC);
    return p;
  }

  @Test
  void planStoresARunThatListAndQueryShow() throws Exception {
    Path out = dir.resolve("out");
    Run plan = run("plan", spec().toString(), "--out", out.toString(), "--no-color");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("stored as run ");
    String id;
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      id = runs.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
    }
    assertThat(out.resolve("runs").resolve(id).resolve("results.json")).hasSameTextualContentAs(out.resolve("results.json"));

    Run list = run("results", "list", "--out", out.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains(id, "cli-test", "hook: faas", "(1 row)");

    Run json = run("results", "query", "SELECT model, feasible, requests FROM model_results ORDER BY model",
        "--out", out.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(json.out());
    JsonNode faas = rows.valueStream().filter(r -> r.get("model").asString().equals("faas")).findFirst().orElseThrow();
    JsonNode result = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")))
        .get("workloads").get(0).get("results").valueStream().filter(r -> r.get("model").asString().equals("faas")).findFirst().orElseThrow();
    assertThat(faas.get("requests").asLong()).isEqualTo(result.get("requests").asLong()).isPositive();
    assertThat(rows.size()).isEqualTo(4);

    Run csv = run("results", "query", "SELECT spec, seed FROM runs", "--out", out.toString(), "--format", "csv");
    assertThat(csv.out()).isEqualTo("spec,seed\r\ncli-test,3\r\n");
  }

  @Test
  void noStoreLeavesTheDatabaseAlone() throws Exception {
    Path out = dir.resolve("out");
    assertThat(run("plan", spec().toString(), "--out", out.toString(), "--no-store").code()).isZero();
    assertThat(out.resolve("runs")).doesNotExist();
    assertThat(run("results", "list", "--out", out.toString()).out()).contains("no runs under");
  }

  @Test
  void badSqlExitsTwoWithDuckDbsMessageAndNoStackTrace() throws Exception {
    Path out = dir.resolve("out");
    Run r = run("results", "query", "SELECT nonsense FROM runs", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("polyvirt: SQL: Binder Error").contains("nonsense").doesNotContain("\tat ", "Exception");
    Run f = run("results", "query", "SELECT 1", "--out", out.toString(), "--format", "xml");
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.err()).contains("unknown format 'xml'");
  }
}
