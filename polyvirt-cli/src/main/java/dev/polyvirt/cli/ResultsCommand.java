package dev.polyvirt.cli;

import dev.polyvirt.planner.Plan;
import dev.polyvirt.results.QueryResult;
import dev.polyvirt.results.ResultFormat;
import dev.polyvirt.results.ResultsDatabase;
import dev.polyvirt.results.RunId;
import dev.polyvirt.results.RunSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polyvirt results list|query}: past runs, stored by {@code plan}, read with SQL (docs/results-schema.md). */
@Command(name = "results", mixinStandardHelpOptions = true,
    description = "The results database: every plan run as Parquet tables under OUT/runs, queried with SQL through DuckDB.",
    subcommands = {ResultsCommand.ListRuns.class, ResultsCommand.Query.class})
final class ResultsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Stores a finished plan as a run in the results database under {@code out}; returns its id. */
  static RunId store(Path out, Path specFile, Plan plan, String json, String html) throws IOException, SQLException {
    RunSource source = new RunSource(specFile.toString(), Files.readString(specFile, StandardCharsets.UTF_8),
        dev.polyvirt.report.JsonReport.VERSION);
    return ResultsDatabase.at(out).store(plan, source, Map.of("results.json", json, "report.html", html));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored runs, oldest first.")
  static final class ListRuns implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "The output folder of plan (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("polyvirt-out");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter w = spec.commandLine().getOut();
      ResultsDatabase db = ResultsDatabase.at(out);
      if (db.runIds().isEmpty()) {
        w.println("no runs under " + out.resolve("runs") + " yet: polyvirt plan SPEC.yaml --out " + out + " stores one");
      } else {
        w.print(ResultFormat.TABLE.render(db.listRuns()));
      }
      w.flush();
      return 0;
    }
  }

  @Command(name = "query", mixinStandardHelpOptions = true,
      description = "Run SQL over the stored runs: tables runs, workloads, model_results, recommendations, metrics, model_tables, series, latency_cdf, function_totals, host_heat.")
  static final class Query implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SQL", description = "One SQL statement, e.g. \"SELECT * FROM model_results\".")
    String sql;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder of plan (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("polyvirt-out");

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ResultFormat f;
      try {
        f = ResultFormat.named(format);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--format: unknown format '" + format + "'; formats: table, csv, json");
      }
      QueryResult rows;
      try {
        rows = ResultsDatabase.at(out).query(sql);
      } catch (SQLException e) {
        throw new BadInput("SQL: " + e.getMessage().strip());
      }
      spec.commandLine().getOut().print(f.render(rows));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
