package dev.polyvirt.cli;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.traffic.trace.Marked;
import dev.polyvirt.traffic.trace.Spread;
import dev.polyvirt.traffic.trace.TraceException;
import dev.polyvirt.traffic.trace.TraceFormats;
import dev.polyvirt.traffic.trace.TraceQuery;
import dev.polyvirt.traffic.trace.TraceStats;
import dev.polyvirt.traffic.trace.TraceTraffic;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code polyvirt trace stats FILE --format F}: characterises a trace the way Shahrad et al.
 * (USENIX ATC 2020) characterise the Azure Functions workload — requests, span, per-minute rate
 * percentiles, idle times between a function's invocations, duration and memory percentiles,
 * the trigger mix, functions and apps ({@link TraceStats}). Plain text, or JSON with {@code --json}.
 * A bad file, format or selection is bad input: exit 2 with file:line:column.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Characterise a trace: requests, rate percentiles, idle times, durations, memory, triggers.")
final class TraceStatsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The trace file (for azure-functions-2019, the invocations file or its folder).")
  Path file;

  @Option(names = "--format", required = true, paramLabel = "F", description = "The trace format: azure-functions-2019, azure-functions-2021, csv, swf.")
  String format;

  @Option(names = "--function", paramLabel = "ID", description = "Only this function (an id or a unique prefix of 6+ characters).")
  String function;

  @Option(names = "--app", paramLabel = "ID", description = "Only this app's functions.")
  String app;

  @Option(names = "--trigger", paramLabel = "T", description = "Only functions with this trigger (azure-functions-2019).")
  String trigger;

  @Option(names = "--day", paramLabel = "N", description = "Day N of a folder of the Azure 2019 trace.")
  Integer day;

  @Option(names = "--spread", paramLabel = "S", description = "Per-minute placement for azure-functions-2019: poisson (default) or uniform.")
  String spread;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the Poisson spread (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** {@code polyvirt trace}: the group of trace commands. */
  @Command(name = "trace", mixinStandardHelpOptions = true, description = "Work with recorded traces.",
      subcommands = TraceStatsCommand.class)
  static final class Group implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Override
  public Integer call() throws SpecException {
    TraceStats stats;
    try {
      TraceQuery query = query();
      TraceTraffic traffic = TraceFormats.require(query, Marked.of(format, "--format")).bind(query);
      stats = TraceStats.of(traffic, RandomStreams.root(seed).child("trace-stats").stream("arrivals"));
    } catch (TraceException e) {
      throw e.problem();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(stats) : text(stats));
    out.flush();
    return 0;
  }

  private TraceQuery query() throws SpecException {
    Optional<Marked<Spread>> spreadOption = Optional.empty();
    if (spread != null) {
      String s = spread.toLowerCase(Locale.ROOT);
      if (!s.equals("poisson") && !s.equals("uniform")) {
        throw SpecException.of(Marked.of(spread, "--spread").mark(), "unknown spread '" + spread + "'", "write poisson or uniform");
      }
      spreadOption = Optional.of(Marked.of(Spread.valueOf(s.toUpperCase(Locale.ROOT)), "--spread"));
    }
    return new TraceQuery(format, Marked.of(file, file.toString()), Optional.ofNullable(function).map(f -> Marked.of(f, "--function")),
        Optional.ofNullable(app).map(a -> Marked.of(a, "--app")), Optional.ofNullable(trigger).map(t -> Marked.of(t, "--trigger")),
        Optional.ofNullable(day).map(d -> Marked.of(d, "--day")), spreadOption, Optional.empty(), Optional.empty());
  }

  /** Renders the statistics as aligned plain text. */
  static String text(TraceStats s) {
    StringBuilder b = new StringBuilder();
    b.append("trace: ").append(s.describe()).append("\n\n");
    row(b, "requests", String.format(Locale.ROOT, "%,d", s.requests()));
    row(b, "span", span(s.spanNanos()));
    row(b, "functions", Integer.toString(s.functions()));
    row(b, "apps", Integer.toString(s.apps()));
    row(b, "requests/minute", quantiles(s.perMinute()));
    long gaps = s.idleTimes().stream().mapToLong(TraceStats.IdleBin::count).sum();
    b.append("idle time between a function's invocations (").append(String.format(Locale.ROOT, "%,d", gaps)).append(" gaps)\n");
    for (TraceStats.IdleBin bin : s.idleTimes()) {
      b.append(String.format(Locale.ROOT, "  %-8s %,12d  %6.2f %%%n", bin.label(), bin.count(), gaps == 0 ? 0.0 : 100.0 * bin.count() / gaps));
    }
    b.append(String.format(Locale.ROOT, "  under 10 min: %.2f %% (kept warm by a 10-minute keep-alive)%n", 100 * s.idleShareUnder10Minutes()));
    row(b, "duration ms", s.durationMs().map(TraceStatsCommand::quantiles).orElse("not recorded"));
    row(b, "memory MB", s.memoryMb().map(TraceStatsCommand::quantiles).orElse("not recorded"));
    b.append(String.format(Locale.ROOT, "triggers   %20s  %22s%n", "functions", "invocations"));
    for (TraceStats.TriggerShare t : s.triggers()) {
      b.append(String.format(Locale.ROOT, "  %-14s %,8d %6.2f %%  %,14d %6.2f %%%n", t.trigger(), t.functions(), 100 * t.functionShare(),
          t.invocations(), 100 * t.invocationShare()));
    }
    return b.toString();
  }

  /** Renders the statistics as JSON. */
  static String json(TraceStats s) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    root.put("trace", s.describe());
    root.put("requests", s.requests());
    root.put("spanSeconds", round(s.spanNanos() / 1e9));
    root.put("functions", s.functions());
    root.put("apps", s.apps());
    quantiles(root.putObject("ratePerMinute"), s.perMinute());
    ObjectNode idle = root.putObject("idleTimes");
    ArrayNode bins = idle.putArray("bins");
    for (TraceStats.IdleBin bin : s.idleTimes()) {
      ObjectNode n = bins.addObject();
      n.put("label", bin.label());
      n.put("fromSeconds", bin.fromNanos() / 1_000_000_000L);
      if (bin.toNanos() == Long.MAX_VALUE) n.putNull("toSeconds");
      else n.put("toSeconds", bin.toNanos() / 1_000_000_000L);
      n.put("count", bin.count());
    }
    idle.put("shareUnder10Minutes", round(s.idleShareUnder10Minutes()));
    if (s.durationMs().isPresent()) quantiles(root.putObject("durationMs"), s.durationMs().get());
    else root.putNull("durationMs");
    if (s.memoryMb().isPresent()) quantiles(root.putObject("memoryMb"), s.memoryMb().get());
    else root.putNull("memoryMb");
    ArrayNode triggers = root.putArray("triggers");
    for (TraceStats.TriggerShare t : s.triggers()) {
      ObjectNode n = triggers.addObject();
      n.put("trigger", t.trigger());
      n.put("functions", t.functions());
      n.put("functionShare", round(t.functionShare()));
      n.put("invocations", t.invocations());
      n.put("invocationShare", round(t.invocationShare()));
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-17s %s%n", label, value));
  }

  private static String quantiles(TraceStats.Quantiles q) {
    return "p50 " + number(q.p50()) + "  p90 " + number(q.p90()) + "  p99 " + number(q.p99()) + "  max " + number(q.max())
        + "  mean " + number(q.mean());
  }

  private static void quantiles(ObjectNode n, TraceStats.Quantiles q) {
    n.put("p50", round(q.p50()));
    n.put("p90", round(q.p90()));
    n.put("p99", round(q.p99()));
    n.put("max", round(q.max()));
    n.put("mean", round(q.mean()));
  }

  /** Formats a figure whole when it is whole or 100 and more, else with three significant digits. */
  static String number(double v) {
    if ((v == Math.rint(v) || Math.abs(v) >= 100) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", Math.round(v));
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static double round(double v) {
    return v == Math.rint(v) ? v : new BigDecimal(v).round(new MathContext(6)).doubleValue();
  }

  private static String span(long nanos) {
    double s = nanos / 1e9;
    if (s >= 86_400) return number(s / 86_400) + " d (" + number(s / 60) + " min)";
    if (s >= 3_600) return number(s / 3_600) + " h";
    if (s >= 60) return number(s / 60) + " min";
    return number(s) + " s";
  }
}
