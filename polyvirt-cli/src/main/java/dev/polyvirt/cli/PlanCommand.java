package dev.polyvirt.cli;

import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.Planner;
import dev.polyvirt.report.AtomicFile;
import dev.polyvirt.report.ConsoleTable;
import dev.polyvirt.report.HtmlReport;
import dev.polyvirt.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polyvirt plan}: every workload on every feasible model, a table, report.html and results.json. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Simulate every workload on every candidate model, print a comparison and the recommendation per workload.")
final class PlanCommand implements Callable<Integer> {
  @Mixin
  RunOptions run;

  @Option(names = "--out", paramLabel = "DIR", description = "Where report.html and results.json go (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("polyvirt-out");

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON result here; '-' prints only JSON on standard output.")
  String json;

  @Option(names = "--models", split = ",", paramLabel = "m1,m2", description = "Only these models.")
  List<String> models = List.of();

  @Option(names = "--no-store", description = "Do not store the run in the results database (OUT/runs, docs/results-schema.md).")
  boolean noStore;

  @Option(names = "--detail", description = "Also write each result's time series and latency CDF into the JSON (as simulate does).")
  boolean detail;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Set<String> only = checkedModels(models);
    BoundPortfolio portfolio = run.load();
    if (!noStore) dev.polyvirt.results.ResultsDatabase.warmUp();
    boolean jsonOnStdout = "-".equals(json);
    PrintWriter human = jsonOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    Plan plan = simulate(portfolio, only, run, spec.commandLine().getErr());
    String jsonText = JsonReport.render(plan, detail);
    AtomicFile.write(out.resolve("results.json"), jsonText);
    String htmlText = HtmlReport.render(plan);
    AtomicFile.write(out.resolve("report.html"), htmlText);
    String stored = noStore ? "" : "; stored as run " + ResultsCommand.store(out, run.spec, plan, jsonText, htmlText);
    if (json != null && !jsonOnStdout) AtomicFile.write(Path.of(json), jsonText);
    if (!run.quiet) {
      human.print(new ConsoleTable(run.color() && !jsonOnStdout, run.verbose).render(plan));
      human.println();
      human.println("wrote " + out.resolve("report.html") + " and " + out.resolve("results.json")
          + (json != null && !jsonOnStdout ? " and " + json : "") + stored);
      human.flush();
    }
    if (jsonOnStdout) {
      spec.commandLine().getOut().print(jsonText);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Runs the planner, showing progress on standard error ({@link ProgressBar}: a bar on a terminal, lines with --verbose). */
  static Plan simulate(BoundPortfolio portfolio, Set<String> only, RunOptions run, PrintWriter err) throws InterruptedException {
    int total = portfolio.workloads().stream().mapToInt(w -> (int) w.candidates().stream()
        .filter(c -> only.isEmpty() || only.contains(c.name())).count()).sum();
    ProgressBar progress = new ProgressBar(err, total, ProgressBar.mode(run.quiet, run.verbose, System.console() != null), System::nanoTime);
    Plan plan = new Planner(run.threads, progress).plan(portfolio, only);
    progress.finish();
    return plan;
  }

  static Set<String> checkedModels(List<String> names) {
    Set<String> only = new LinkedHashSet<>();
    for (String m : names) {
      if (!ComputeModels.names().contains(m)) {
        throw new BadInput("--models: unknown model '" + m + "'; models: " + String.join(", ", ComputeModels.names()));
      }
      only.add(m);
    }
    return only;
  }
}
