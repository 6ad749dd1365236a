package dev.polyvirt.cli;

import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.BoundWorkload;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.report.AtomicFile;
import dev.polyvirt.report.export.ExportFile;
import dev.polyvirt.report.export.ExportTarget;
import dev.polyvirt.report.export.ExportTargets;
import dev.polyvirt.report.export.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polyvirt export --target sam|knative|k8s|compose SPEC.yaml}: simulates the portfolio as
 * {@code plan} does and writes a starter configuration for each workload recommended for the
 * target's model (or for the one named by {@code --workload}), sized from the simulated figures.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a starter deployment config for the recommended placements: an AWS SAM template (+ Infracost usage), "
        + "Knative Services, Kubernetes Deployment + HPA + Service, or a Compose file.")
final class ExportCommand implements Callable<Integer> {
  @Mixin
  RunOptions run;

  @Option(names = "--target", required = true, paramLabel = "T", description = "sam (faas), knative (serverless-container), "
      + "k8s or compose (container).")
  String target;

  @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload, on the target's model even if another was recommended.")
  String workload;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the files go (default: polyvirt-out/<target>).")
  Path out;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ExportTarget t = ExportTargets.named(target).orElseThrow(() -> new BadInput("--target: unknown target '" + target
        + "'; targets: " + String.join(", ", ExportTargets.names())));
    BoundPortfolio p = run.load();
    if (workload != null) {
      List<BoundWorkload> one = p.workloads().stream().filter(w -> w.workload().name().equals(workload)).toList();
      if (one.isEmpty()) {
        throw new BadInput("--workload: no workload '" + workload + "' in " + run.spec + "; workloads: "
            + String.join(", ", p.workloads().stream().map(w -> w.workload().name()).toList()));
      }
      p = p.withWorkloads(one);
    }
    Plan plan = PlanCommand.simulate(p, Set.of(), run, spec.commandLine().getErr());
    Selection s;
    try {
      s = Selection.of(plan, t, Optional.ofNullable(workload));
    } catch (Selection.NotExportable e) {
      throw new BadInput(e.getMessage());
    }
    if (s.placements().isEmpty()) {
      throw new BadInput("export: no workload is recommended for " + t.model() + " (what --target " + t.name() + " deploys): "
          + String.join("; ", s.skipped()) + "; use --workload NAME to export one anyway");
    }
    Path dir = out != null ? out : Path.of("polyvirt-out", t.name());
    List<String> written = new ArrayList<>();
    for (ExportFile f : t.files(s.placements())) {
      AtomicFile.write(dir.resolve(f.name()), f.text());
      written.add(dir.resolve(f.name()).toString());
    }
    if (!run.quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.println("wrote " + String.join(" and ", written) + " for " + String.join(", ",
          s.placements().stream().map(x -> x.workload().name()).toList()));
      s.placements().stream().filter(x -> !x.recommended()).forEach(x -> o.println("note: " + x.workload().name() + " is not recommended for "
          + t.model() + "; the config follows its simulated figures anyway"));
      s.skipped().forEach(x -> o.println("skipped " + x));
      o.flush();
    }
    return 0;
  }
}
