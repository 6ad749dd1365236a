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

/** {@code polyvirt trace stats}: figures of a tiny hand-made trace, JSON output, and bad input as exit 2. */
class TraceStatsCommandTest {
  /**
   * Three functions of apps x, y, x; eight requests, rows out of order. Starts: a 0, 0.5, 65;
   * b 5, 200; c 10, 15, 715 s; the last ends at 715.1 s, so the span has 12 minutes.
   */
  static final String LOG = """
      timestamp,function,app,duration_ms,memory_mb
      65,a,x,400,128
      0,a,x,100,128
      5,b,y,300,256
      0.5,a,x,200,128
      15,c,x,100,512
      10,c,x,100,512
      715,c,x,100,512
      200,b,y,500,256
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  Path log() throws Exception {
    return Files.writeString(dir.resolve("log.csv"), LOG);
  }

  @Test
  void textShowsEveryFigureOfTheHandMadeTrace() throws Exception {
    // Requests 8 over 715.1 s; per-minute p50 0, p90 1, p99 5; gaps 0.5, 64.5, 195, 5, 700 s; durations and memory by nearest rank.
    Run r = run("trace", "stats", log().toString(), "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(
        "requests          8\n",
        "span              11.9 min\n",
        "functions         3\n",
        "apps              2\n",
        "requests/minute   p50 0  p90 1  p99 5  max 5  mean 0.667\n",
        "idle time between a function's invocations (5 gaps)\n",
        "  <1s                 1   20.00 %\n",
        "  1m-10m              2   40.00 %\n",
        "  10m-1h              1   20.00 %\n",
        "  under 10 min: 80.00 %",
        "duration ms       p50 100  p90 500  p99 500  max 500  mean 225\n",
        "memory MB         p50 256  p90 512  p99 512  max 512  mean 304\n",
        "  unknown               3 100.00 %               8 100.00 %\n");
  }

  @Test
  void jsonCarriesTheSameFigures() throws Exception {
    // --json prints one JSON document with the figures of the text output.
    Run r = run("trace", "stats", log().toString(), "--format", "csv", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("requests").asLong()).isEqualTo(8);
    assertThat(json.get("spanSeconds").asDouble()).isEqualTo(715.1);
    assertThat(json.get("ratePerMinute").get("p99").asDouble()).isEqualTo(5);
    assertThat(json.get("idleTimes").get("shareUnder10Minutes").asDouble()).isEqualTo(0.8);
    assertThat(json.get("idleTimes").get("bins").get(3).get("count").asLong()).isEqualTo(2);
    assertThat(json.get("idleTimes").get("bins").get(6).get("toSeconds").isNull()).isTrue();
    assertThat(json.get("durationMs").get("mean").asDouble()).isEqualTo(225);
    assertThat(json.get("memoryMb").get("p50").asDouble()).isEqualTo(256);
    assertThat(json.get("triggers").get(0).get("invocationShare").asDouble()).isEqualTo(1.0);
  }

  @Test
  void functionSelectionNarrowsTheFigures() throws Exception {
    // --function c keeps c's three requests: gaps 5 s and 700 s, half of them under 10 minutes.
    Run r = run("trace", "stats", log().toString(), "--format", "csv", "--function", "c", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("requests").asLong()).isEqualTo(3);
    assertThat(json.get("functions").asLong()).isEqualTo(1);
    assertThat(json.get("idleTimes").get("shareUnder10Minutes").asDouble()).isEqualTo(0.5);
  }

  @Test
  void azure2019TraceShowsItsTriggerMix() throws Exception {
    // Two http functions (4 and 100 invocations) and one queue function (6): http has 66.67 % of functions, 94.55 % of invocations.
    StringBuilder text = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) text.append(',').append(m);
    String[][] rows = {{"f1", "http", "4"}, {"f2", "queue", "6"}, {"f3", "http", "100"}};
    for (String[] row : rows) {
      text.append("\no,a,").append(row[0]).append(',').append(row[1]).append(',').append(row[2]);
      for (int m = 2; m <= 1440; m++) text.append(",0");
    }
    Path file = Files.writeString(dir.resolve("d_invocations.csv"), text + "\n");
    Run r = run("trace", "stats", file.toString(), "--format", "azure-functions-2019", "--spread", "uniform");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("requests          110\n", "span              1 d (1,440 min)\n",
        "  http                  2  66.67 %             104  94.55 %\n", "  queue                 1  33.33 %               6   5.45 %\n",
        "duration ms       not recorded\n");
  }

  @Test
  void badRowExitsTwoWithFileLineAndColumn() throws Exception {
    // A bad timestamp is bad input: exit 2, the message names file:line:column, and no stack trace is printed.
    Path file = Files.writeString(dir.resolve("bad.csv"), "timestamp,duration_ms\n1,5\nnoon,5\n");
    Run r = run("trace", "stats", file.toString(), "--format", "csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(file + ":3:1: error: expected a timestamp, found 'noon'", "hint: write seconds");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownFormatMissingFileAndUnknownFunctionExitTwo() throws Exception {
    // A misspelt format, a missing file and an unknown function are each bad input with a hint.
    Run format = run("trace", "stats", log().toString(), "--format", "azure-functions-2022");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format: error: unknown trace format 'azure-functions-2022'",
        "valid formats: azure-functions-2019, azure-functions-2021, csv, swf");
    Run missing = run("trace", "stats", dir.resolve("none.csv").toString(), "--format", "csv");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("error: no such trace file");
    Run function = run("trace", "stats", log().toString(), "--format", "csv", "--function", "zzz");
    assertThat(function.code()).isEqualTo(2);
    assertThat(function.err()).contains("--function: error: no function 'zzz'", "ids in the file include: a, b, c");
    assertThat(run("trace", "stats", log().toString()).code()).isEqualTo(2);
  }

  @Test
  void traceAlonePrintsItsSubcommands() {
    // polyvirt trace without a subcommand shows its usage, naming stats.
    Run r = run("trace");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("stats");
  }
}
