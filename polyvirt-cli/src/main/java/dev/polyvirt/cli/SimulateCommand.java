package dev.polyvirt.cli;

import dev.polyvirt.models.ModelResult;
import dev.polyvirt.planner.BoundPortfolio;
import dev.polyvirt.planner.BoundWorkload;
import dev.polyvirt.planner.Plan;
import dev.polyvirt.planner.WorkloadPlan;
import dev.polyvirt.report.AtomicFile;
import dev.polyvirt.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polyvirt simulate}: one model, every figure it measured. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate one model and print all its figures.")
final class SimulateCommand implements Callable<Integer> {
  @Mixin
  RunOptions run;

  @Option(names = "--model", required = true, paramLabel = "M", description = "The compute model.")
  String model;

  @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload.")
  String workload;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON result here; '-' prints only JSON on standard output.")
  String json;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Set<String> only = PlanCommand.checkedModels(List.of(model));
    BoundPortfolio p = run.load();
    if (workload != null) {
      List<BoundWorkload> chosen = p.workloads().stream().filter(w -> w.workload().name().equals(workload)).toList();
      if (chosen.isEmpty()) {
        throw new BadInput("--workload: no workload '" + workload + "' in " + run.spec + "; workloads: "
            + String.join(", ", p.workloads().stream().map(w -> w.workload().name()).toList()));
      }
      p = p.withWorkloads(chosen);
    }
    boolean jsonOnStdout = "-".equals(json);
    Plan plan = PlanCommand.simulate(p, only, run, spec.commandLine().getErr());
    String text = JsonReport.render(plan, true);
    if (json != null && !jsonOnStdout) AtomicFile.write(Path.of(json), text);
    PrintWriter human = jsonOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    if (!run.quiet) {
      for (WorkloadPlan w : plan.workloads()) for (ModelResult r : w.results()) human.print(detail(w, r));
      human.flush();
    }
    if (jsonOnStdout) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static String detail(WorkloadPlan w, ModelResult r) {
    StringBuilder b = new StringBuilder();
    b.append(w.workload().workload().name()).append(" on ").append(r.model()).append(" — ").append(w.workload().traffic().describe()).append('\n');
    if (r.figures().isEmpty()) {
      r.infeasibleReasons().forEach(s -> b.append("  infeasible: ").append(s).append('\n'));
      return b.toString();
    }
    ModelResult.Figures f = r.figures().get();
    b.append(String.format(Locale.ROOT, "  requests %,d  completed %,d  failed %,d  throttled %,d  timed out %,d%n",
        f.requests(), f.completed(), f.failed(), f.throttled(), f.timedOut()));
    b.append(String.format(Locale.ROOT, "  cold starts %,d (%.3f %%)%n", f.coldStarts(), 100 * f.coldStartRate()));
    b.append(String.format(Locale.ROOT, "  latency ms: mean %.1f  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", f.latencyMs().mean(),
        f.latencyMs().p50(), f.latencyMs().p95(), f.latencyMs().p99(), f.latencyMs().max()));
    b.append(String.format(Locale.ROOT, "  instances: avg %.2f  peak %d  utilisation %.1f %%%n", f.avgInstances(), f.peakInstances(), 100 * f.utilization()));
    b.append(String.format(Locale.ROOT, "  cost USD: total %s (compute %s, requests %s, idle %s, other %s)  = %s/month%n",
        usd(f.costUsd().total()), usd(f.costUsd().compute()), usd(f.costUsd().requests()), usd(f.costUsd().idle()),
        usd(f.costUsd().other()), usd(java.math.BigDecimal.valueOf(f.costUsdPerMonth()))));
    b.append(String.format(Locale.ROOT, "  energy %.3f kWh, %.3f kg CO2e%n", f.energyKwh(), f.co2eKg()));
    r.notes().forEach(n -> b.append("  ").append(n).append('\n'));
    return b.toString();
  }

  private static String usd(java.math.BigDecimal v) {
    return "$" + v.setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
