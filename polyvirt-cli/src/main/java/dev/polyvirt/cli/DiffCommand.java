package dev.polyvirt.cli;

import dev.polyvirt.report.AtomicFile;
import dev.polyvirt.report.diff.DiffMarkdown;
import dev.polyvirt.report.diff.Gate;
import dev.polyvirt.report.diff.ResultsFile;
import dev.polyvirt.report.diff.RunResults;
import dev.polyvirt.report.diff.WorkloadDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polyvirt diff A.json B.json}: what changed between two runs, as Markdown for a
 * pull-request comment; with {@code --fail-on}, exit {@value #GATE_TRIPPED} when a gate trips so
 * CI can stop the change.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare two results.json files: recommendation flips, cost, p99, cold-start rate and CO2e per workload, as Markdown.",
        "Exit codes: 0 no gate tripped, 3 a --fail-on gate tripped, 2 bad input (file or option), 1 anything else."})
final class DiffCommand implements Callable<Integer> {
  /** The exit code when a {@code --fail-on} gate trips (0, 1 and 2 keep their SPEC.md §1 meanings). */
  static final int GATE_TRIPPED = 3;

  @Parameters(index = "0", paramLabel = "A.json", description = "The run before (e.g. main's results.json).")
  Path a;

  @Parameters(index = "1", paramLabel = "B.json", description = "The run after (e.g. the pull request's results.json).")
  Path b;

  @Option(names = "--fail-on", paramLabel = "GATES", description = "Comma-separated gates: " + Gate.FORMS
      + ". A cost/p99/co2e gate compares each workload's recommended placement in A and B.")
  String failOn;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown to FILE.")
  Path out;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    List<Gate> gates;
    try {
      gates = failOn == null ? List.of() : Gate.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    RunResults ra, rb;
    try {
      ra = ResultsFile.read(a);
      rb = ResultsFile.read(b);
    } catch (ResultsFile.BadResults e) {
      throw new BadInput(e.getMessage());
    }
    List<WorkloadDiff> diffs = WorkloadDiff.compare(ra, rb);
    List<String> tripped = new ArrayList<>();
    for (WorkloadDiff d : diffs) for (Gate g : gates) g.check(d).ifPresent(tripped::add);
    String md = DiffMarkdown.render(a.toString(), ra, b.toString(), rb, diffs, gates, tripped);
    if (out != null) AtomicFile.write(out, md);
    spec.commandLine().getOut().print(md);
    spec.commandLine().getOut().flush();
    return tripped.isEmpty() ? 0 : GATE_TRIPPED;
  }
}
