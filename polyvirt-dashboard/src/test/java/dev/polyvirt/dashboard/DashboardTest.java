package dev.polyvirt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.spec.SpecException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's HTTP surface: nothing outside the workspace is served or read, bad specs get the
 * CLI's messages with HTTP 400, bodies over 1 MiB are refused, and a run streams its progress.
 */
class DashboardTest {
  /** A spec that simulates in well under a second: one workload, one hour, two models. */
  static final String QUICK = """
      apiVersion: polyvirt/v1
      kind: Portfolio
      name: quick
      seed: 4
      horizon: 1h
      workloads:
        - name: hook
          runtime: python
          traffic: {poisson: {ratePerSecond: 0.5}}
          request: {duration: 100ms, cpu: 250m, memory: 256Mi}
          requirements: {latencyP99: 2s}
          candidates: [vm, faas]
      """;

  @TempDir Path root;
  @TempDir Path outside;
  Dashboard dashboard;
  Workspace workspace;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() throws IOException {
    Files.createDirectories(root.resolve("examples"));
    Files.writeString(root.resolve("examples/quick.yaml"), QUICK);
    workspace = new Workspace(root);
    dashboard = Dashboard.start(workspace, "127.0.0.1", 0, 2);
  }

  @AfterEach
  void stop() {
    dashboard.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain; charset=utf-8")
        .header(Dashboard.RUN_HEADER, "1").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void specsAreReadOnlyFromInsideTheWorkspace() throws Exception {
    Files.writeString(outside.resolve("secret.yaml"), "secret: 42\n");
    Files.createSymbolicLink(root.resolve("examples/link.yaml"), outside.resolve("secret.yaml"));

    assertThat(get("/api/spec?path=examples/quick.yaml").body()).isEqualTo(QUICK);
    for (String path : List.of("../" + outside.getFileName() + "/secret.yaml", outside.resolve("secret.yaml").toString(),
        "examples/../../" + outside.getFileName() + "/secret.yaml", "examples/link.yaml", "/etc/passwd")) {
      HttpResponse<String> r = get("/api/spec?path=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(r.body()).contains("outside the workspace").doesNotContain("secret: 42");
      assertThat(get("/new?spec=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(get("/runs/..%2F..%2Fetc/report.html").statusCode()).isEqualTo(404);
    assertThat(get("/runs/20261122T124512Z-3f9a2c1b/..%2F..%2Fspec.yaml").statusCode()).isIn(400, 404);
    assertThat(get("/assets/..%2FDashboard.class").statusCode()).isIn(400, 404);
    Files.delete(root.resolve("examples/link.yaml"));
  }

  @Test
  void aSpecNamingAFileOutsideTheWorkspaceIsRefusedBeforeAnythingIsRead() throws Exception {
    String spec = QUICK.replace("traffic: {poisson: {ratePerSecond: 0.5}}",
        "traffic: {trace: {format: csv, path: ../../" + outside.getFileName() + "/trace.csv}}");
    HttpResponse<String> r = post("/api/runs?name=examples/quick.yaml", spec);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("examples/quick.yaml:9:42: error:")
        .contains(": error: '../../" + outside.getFileName() + "/trace.csv' points outside the workspace", "nothing was run");
    HttpResponse<String> named = post("/api/runs?name=../elsewhere.yaml", QUICK);
    assertThat(named.statusCode()).isEqualTo(400);
    assertThat(root.resolve("polyvirt-out/runs")).doesNotExist();
  }

  @Test
  void aBadSpecGetsTheSameMessagesAsTheCli() throws Exception {
    String bad = QUICK.replace("ratePerSecond: 0.5", "ratePerSecond: fast").replace("candidates: [vm, faas]", "candidates: [vm, fass]");
    String expected;
    try {
      BoundPortfolio.parse("mine.yaml", bad, root);
      throw new AssertionError("the spec should be bad");
    } catch (SpecException e) {
      expected = e.getMessage();
      assertThat(e.problems()).hasSize(2);
    }
    HttpResponse<String> r = post("/api/runs?name=mine.yaml", bad);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(expected + "\n2 problems; nothing was run.\n");
    assertThat(r.body()).containsPattern("mine\\.yaml:\\d+:\\d+: error: ");
  }

  @Test
  void anotherSiteCannotStartARun() throws Exception {
    // a cross-site form or fetch cannot add a custom header without a preflight, which is never granted
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + "/api/runs"))
        .POST(HttpRequest.BodyPublishers.ofString(QUICK)).header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains(Dashboard.RUN_HEADER);
    assertThat(root.resolve("polyvirt-out/runs")).doesNotExist();
  }

  @Test
  void anotherSiteNamePointedAtThisMachineIsRefused() throws Exception {
    // DNS rebinding: evil.example resolves to 127.0.0.1, so its page is same-origin; its Host header gives it away
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", dashboard.port())) {
      s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + dashboard.port() + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").contains("answers to 127.0.0.1, ::1, localhost only");
    }
    assertThat(get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyOverOneMebibyteIsRefused() throws Exception {
    HttpResponse<String> r = post("/api/runs", "#".repeat((int) Dashboard.MAX_REQUEST_BYTES + 1));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(root.resolve("polyvirt-out/runs")).doesNotExist();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a stream that never ends, not a speed check
  void aRunStreamsItsProgressAndIsStored() throws Exception {
    HttpResponse<String> r = post("/api/runs?name=examples/quick.yaml", QUICK);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).startsWith("{\"job\":\"job-1\",\"total\":2}");

    HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + dashboard.port() + "/api/jobs/job-1/events")).header("Accept", "text/event-stream")
        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofLines());
    List<String> lines = new ArrayList<>();
    events.body().forEach(lines::add); // the server ends the stream after the last event
    List<String> data = lines.stream().filter(l -> l.startsWith("data: ")).toList();
    // the last finished simulation is either model, whichever thread ends last
    assertThat(data.get(data.size() - 2)).matches("data: \\{\"done\":2,\"total\":2,\"last\":\"hook on (vm|faas)\"}");
    String last = data.get(data.size() - 1);
    assertThat(last).startsWith("data: {\"run\":\"");
    String id = last.substring("data: {\"run\":\"".length(), last.length() - 2);

    assertThat(workspace.results().runIds()).extracting(Object::toString).containsExactly(id);
    assertThat(get("/").body()).contains(id, "quick", "hook: ");
    HttpResponse<String> page = get("/runs/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<table class=\"models\">", "id=\"cost-chart-0\"", "src=\"/runs/" + id + "/report.html\"");
    assertThat(get("/runs/" + id + "/spec.yaml").body()).isEqualTo(QUICK);
    assertThat(get("/runs/" + id + "/report.html").headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(get("/compare?a=" + id + "&b=" + id).body()).contains("id=\"comparison\"", "<td>hook</td>");
    assertThat(get("/compare?a=" + id + "&b=nope").statusCode()).isEqualTo(404);
  }
}
