package dev.polyvirt.cli;

import dev.polyvirt.models.ComputeModels;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.migrate.CurrentPlacement;
import dev.polyvirt.planner.migrate.Roadmap;
import dev.polyvirt.planner.score.PlannerSettings;
import dev.polyvirt.report.AtomicFile;
import dev.polyvirt.report.MigrationReport;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polyvirt migrate SPEC.yaml --from current.yaml}: plan the portfolio, then a phased roadmap from today's placements. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Plan each workload's move from its current placement to the recommended model: strategy, phases, effort, one-time cost, payback; a roadmap ordered by value per effort.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin
  RunOptions run;

  @Option(names = "--from", required = true, paramLabel = "current.yaml", description = "Where each workload runs today (kind: CurrentPlacement).")
  Path from;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the roadmap as JSON here; '-' prints only JSON on standard output.")
  String json;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BoundPortfolio loaded = run.load();
    CurrentPlacement current = CurrentPlacement.load(from, loaded.workloads().stream().map(w -> w.workload().name()).toList(),
        ComputeModels.names());
    // the roadmap needs the recommendation and every model's cost, not the what-if search
    PlannerSettings s = loaded.planner();
    BoundPortfolio portfolio = new BoundPortfolio(loaded.portfolio(), loaded.priceBook(), loaded.workloads(),
        new PlannerSettings(s.weights(), s.opsRatePerHour(), s.ops(), false));
    Plan plan = PlanCommand.simulate(portfolio, Set.of(), run, spec.commandLine().getErr());
    Roadmap roadmap = Roadmap.of(plan, current);
    String name = portfolio.portfolio().name();
    String jsonText = MigrationReport.json(name, roadmap);
    if (json != null && !json.equals("-")) AtomicFile.write(Path.of(json), jsonText);
    if ("-".equals(json)) {
      spec.commandLine().getOut().print(jsonText);
    } else if (!run.quiet) {
      spec.commandLine().getOut().print(MigrationReport.text(name, roadmap));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
