package dev.polyvirt.cli;

import picocli.CommandLine.Command;

/** The {@code polyvirt} command and its subcommands. */
@Command(name = "polyvirt", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "Simulates each workload on every compute model and recommends where it should run.",
    subcommands = {PlanCommand.class, SimulateCommand.class, TraceStatsCommand.Group.class, VersionCommand.class,
        ResultsCommand.class, ServeCommand.class, MigrateCommand.class, DiffCommand.class, ExportCommand.class})
final class PolyvirtCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
