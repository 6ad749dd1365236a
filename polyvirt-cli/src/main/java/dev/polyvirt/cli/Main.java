package dev.polyvirt.cli;

import dev.polyvirt.spec.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point: exit 0 on success, 2 on bad input (spec, trace, option) with file:line:column
 * messages, 1 on anything else; no stack trace unless {@code --debug} (SPEC.md §1).
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new PolyvirtCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("polyvirt: " + ex.getMessage());
      err.println("  try: polyvirt " + (ex.getCommandLine().getCommandName().equals("polyvirt") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help");
      err.flush();
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof SpecException se) {
        err.println(se.getMessage());
        err.println(se.problems().size() == 1 ? "1 problem; nothing was written." : se.problems().size() + " problems; nothing was written.");
        err.flush();
        return 2;
      }
      if (ex instanceof dev.polyvirt.traffic.trace.TraceException te) {
        err.println(te.problem().getMessage());
        err.println("a trace file went bad during replay; nothing was written.");
        err.flush();
        return 2;
      }
      if (ex instanceof BadInput bi) {
        err.println("polyvirt: " + bi.getMessage());
        err.flush();
        return 2;
      }
      err.println("polyvirt: error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      if (debug) ex.printStackTrace(err);
      else err.println("  (run again with --debug for the stack trace)");
      err.flush();
      return 1;
    });
    return cli.execute(args);
  }
}
