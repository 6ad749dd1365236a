package dev.polyvirt.dashboard;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.report.JsonReport;
import dev.polyvirt.results.ResultsDatabase;
import dev.polyvirt.results.RunId;
import dev.polyvirt.results.RunSource;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.traffic.trace.TraceException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code polyvirt serve}: a local web dashboard over one workspace — the stored runs, each run's
 * report, a spec editor that runs with live progress, and a comparison of two runs. Plain HTML
 * from the server plus one small script; nothing is loaded from the network.
 *
 * <p>It listens on 127.0.0.1 unless told otherwise, accepts request bodies up to
 * {@link #MAX_REQUEST_BYTES}, serves only the files of stored runs and the workspace's specs,
 * answers only to this machine's host names, starts runs only for its own page
 * ({@link #RUN_HEADER}), and runs a spec only after
 * {@link SpecGuard} found no path leading outside the workspace.
 */
public final class Dashboard implements AutoCloseable {
  /** Largest request body: a spec is a few KiB; 1 MiB leaves room for large ones and stops floods. */
  public static final long MAX_REQUEST_BYTES = 1L << 20;
  /** The files of a run folder the dashboard serves, with their content types. */
  private static final Map<String, String> RUN_FILES = Map.of(
      "report.html", "text/html; charset=utf-8",
      "results.json", "application/json; charset=utf-8",
      ResultsDatabase.SPEC_FILE, "text/plain; charset=utf-8");
  private static final Map<String, String> ASSETS = Map.of(
      "dashboard.css", "text/css; charset=utf-8",
      "dashboard.js", "text/javascript; charset=utf-8");
  private static final String DEFAULT_NAME = "dashboard.yaml";
  /**
   * Header the page's script sends with every run request. Another web site open in the same
   * browser cannot send it without a CORS preflight, which the dashboard never grants, so it
   * cannot start runs on this machine (cross-site request forgery).
   */
  static final String RUN_HEADER = "X-Polyvirt-Run";

  private final Workspace workspace;
  private final PlanJobs jobs;
  private final Javalin app;

  private Dashboard(Workspace workspace, String host, int threads) {
    this.workspace = workspace;
    this.jobs = new PlanJobs(workspace, threads);
    Set<String> names = hostNames(host);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.routes.before(ctx -> {
        if (!names.isEmpty() && !names.contains(hostName(ctx.header("Host")))) {
          throw new Refusal(403, "the dashboard answers to " + String.join(", ", names) + " only");
        }
      });
      config.routes.get("/", ctx -> ctx.html(RunsPage.render(workspace.results().listRuns())));
      config.routes.get("/runs/{id}", ctx -> ctx.html(RunPage.render(workspace.results(), run(ctx.pathParam("id")))));
      config.routes.get("/runs/{id}/{file}", this::runFile);
      config.routes.get("/compare", ctx -> ctx.html(ComparePage.render(workspace.results(), run(ctx.queryParam("a")), run(ctx.queryParam("b")))));
      config.routes.get("/new", this::newRun);
      config.routes.get("/api/spec", ctx -> ctx.contentType("text/plain; charset=utf-8").result(specText(ctx.queryParam("path"))));
      config.routes.post("/api/runs", this::submit);
      config.routes.sse("/api/jobs/{id}/events", client -> {
        Optional<PlanJob> job = jobs.get(client.ctx().pathParam("id"));
        if (job.isEmpty()) {
          client.sendEvent("failed", "{\"message\":\"no such job (the dashboard may have restarted)\"}");
          client.close();
          return;
        }
        client.keepAlive();
        job.get().follow(client);
      });
      config.routes.get("/assets/{file}", this::asset);
      config.routes.exception(Refusal.class, (e, ctx) -> ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n"));
      config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).contentType("text/plain; charset=utf-8")
          .result("polyvirt: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "\n"));
    });
  }

  /** Starts a dashboard for {@code workspace} on {@code host}:{@code port} (0: any free port). */
  public static Dashboard start(Workspace workspace, String host, int port, int threads) {
    ResultsDatabase.warmUp(); // the first page queries the results database
    Dashboard d = new Dashboard(workspace, host, threads);
    d.app.start(host, port);
    return d;
  }

  /** Returns the port it listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    jobs.close();
    app.stop();
  }

  /**
   * Returns the host names a request may carry: this machine's names and the one it listens on;
   * empty (any name) when it listens on every address. A page of another site whose name was
   * made to point at 127.0.0.1 (DNS rebinding) is refused, since its Host header names that site.
   */
  private static Set<String> hostNames(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("0.0.0.0") || h.equals("::")) return Set.of();
    Set<String> names = new TreeSet<>(List.of("localhost", "127.0.0.1", "::1"));
    names.add(h.toLowerCase(Locale.ROOT));
    return names;
  }

  /** Returns the name part of a Host header (without port or IPv6 brackets). */
  private static String hostName(String header) {
    if (header == null) return "";
    String h = header.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) return h.substring(1, Math.max(1, h.indexOf(']')));
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private RunId run(String id) throws IOException {
    if (!RunId.valid(id)) throw new Refusal(404, "no run '" + id + "': a run id looks like 20261122T124512Z-3f9a2c1b");
    RunId run = new RunId(id);
    if (!Files.isDirectory(workspace.results().runDir(run))) throw new Refusal(404, "no run " + id + " in " + workspace.results().runsDir());
    return run;
  }

  private void runFile(Context ctx) throws IOException {
    RunId id = run(ctx.pathParam("id"));
    String type = RUN_FILES.get(ctx.pathParam("file"));
    if (type == null) throw new Refusal(404, "a run serves only " + String.join(", ", RUN_FILES.keySet().stream().sorted().toList()));
    Path file = workspace.results().runDir(id).resolve(ctx.pathParam("file"));
    if (!Files.isRegularFile(file)) throw new Refusal(404, "run " + id + " has no " + ctx.pathParam("file"));
    ctx.contentType(type).result(Files.readAllBytes(file));
  }

  private void newRun(Context ctx) throws IOException, java.sql.SQLException {
    String name = DEFAULT_NAME;
    String text = "";
    if (ctx.queryParam("spec") != null) {
      name = ctx.queryParam("spec");
      text = specText(name);
    } else if (ctx.queryParam("run") != null) {
      RunId id = run(ctx.queryParam("run"));
      text = Files.readString(workspace.results().runDir(id).resolve(ResultsDatabase.SPEC_FILE), StandardCharsets.UTF_8);
      String file = workspace.results().query("SELECT spec_file FROM runs WHERE run_id = '" + id.value() + "'").rows().get(0).get(0).toString();
      name = workspace.resolve(file).isPresent() ? file : DEFAULT_NAME;
    }
    ctx.html(NewRunPage.render(workspace.specs(), name, text));
  }

  /** Returns the text of the workspace spec at {@code path}; refuses paths outside the workspace. */
  private String specText(String path) throws IOException {
    if (path == null) throw new Refusal(400, "give the spec as ?path=examples/portfolio.yaml");
    Path file = workspace.resolve(path).orElseThrow(() -> new Refusal(403, "'" + path + "' is outside the workspace " + workspace.root()));
    if (!Files.isRegularFile(file)) throw new Refusal(404, "no file '" + path + "' in the workspace " + workspace.root());
    if (Files.size(file) > MAX_REQUEST_BYTES) throw new Refusal(413, "'" + path + "' is larger than " + MAX_REQUEST_BYTES + " bytes");
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Checks the posted spec as {@code polyvirt plan} does (the same file:line:column messages,
   * HTTP 400) and queues it; answers the job to follow.
   */
  private void submit(Context ctx) {
    if (ctx.header(RUN_HEADER) == null) {
      throw new Refusal(403, "runs are started from the dashboard's own page (the request lacks " + RUN_HEADER + ")");
    }
    String name = Optional.ofNullable(ctx.queryParam("name")).filter(n -> !n.isBlank()).orElse(DEFAULT_NAME);
    Path specFile = workspace.resolve(name).orElseThrow(() -> new Refusal(400, "name '" + name + "' is outside the workspace " + workspace.root()));
    String text = ctx.body();
    BoundPortfolio portfolio;
    try {
      SpecGuard.check(name, text, specFile.getParent(), workspace);
      portfolio = BoundPortfolio.parse(name, text, specFile.getParent());
    } catch (SpecException e) {
      int n = e.problems().size();
      throw new Refusal(400, e.getMessage() + "\n" + (n == 1 ? "1 problem; nothing was run." : n + " problems; nothing was run."));
    } catch (TraceException e) {
      throw new Refusal(400, e.problem().getMessage() + "\na trace file went bad; nothing was run.");
    }
    PlanJob job = jobs.submit(portfolio, new RunSource(name, text, JsonReport.VERSION));
    ctx.status(202).contentType("application/json").result("{\"job\":" + Json.string(job.id()) + ",\"total\":" + job.total() + "}");
  }

  private void asset(Context ctx) throws IOException {
    String type = ASSETS.get(ctx.pathParam("file"));
    if (type == null) throw new Refusal(404, "no asset " + ctx.pathParam("file"));
    try (InputStream in = Dashboard.class.getResourceAsStream(ctx.pathParam("file"))) {
      if (in == null) throw new Refusal(404, "no asset " + ctx.pathParam("file"));
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  /** A request the dashboard declines, with its HTTP status and a message for the user. */
  static final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
