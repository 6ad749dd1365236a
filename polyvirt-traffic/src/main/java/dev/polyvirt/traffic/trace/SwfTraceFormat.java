package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.spec.SpecException;
import java.util.List;

/**
 * {@code format: swf}: batch job logs in the Standard Workload Format of Feitelson's Parallel
 * Workloads Archive — no header line, header comments starting with ';', one job per line as 18
 * whitespace-separated fields (job number, submit time, wait time, run time, allocated processors,
 * average CPU time, used memory in KB per processor, requested processors, requested time,
 * requested memory, status, user, group, executable, queue, partition, preceding job, think
 * time), −1 where unknown. A job arrives at its submit time (s); its duration is its CPU time as
 * one processor would run it — run time × allocated processors (requested processors when the
 * allocation is unknown, else one) — the length of a {@code kind: job} task on one vCPU; its
 * memory is the used memory × processors. The function is the queue ({@code queue-N}; the file's
 * name when unknown) and the app the user ({@code user-N}), so {@code function:} selects a queue.
 */
final class SwfTraceFormat extends ReplayFormat {
  static final List<String> FIELDS = List.of("job", "submit", "wait", "run", "processors", "cpu", "memory_kb", "req_processors",
      "req_time", "req_memory", "status", "user", "group", "executable", "queue", "partition", "preceding", "think");
  private static final String EXPECTED = "18 whitespace-separated SWF fields: " + String.join(" ", FIELDS);
  private static final String HINT = "a whole number, or -1 when unknown (Standard Workload Format)";

  @Override
  public String name() {
    return "swf";
  }

  @Override
  ReplayFile.Layout layout(TraceQuery query) {
    String whole = query.path().value().getFileName().toString();
    return new ReplayFile.Layout() {
      @Override
      public String expectedHeader() {
        return EXPECTED;
      }

      @Override
      public List<String> fixedColumns() {
        return FIELDS;
      }

      @Override
      public ReplayFile.Columns columns(CsvHeader header) {
        return (line, row) -> {
          if (line.size() != FIELDS.size()) {
            throw SpecException.of(line.endMark(), "an SWF job line has " + FIELDS.size() + " fields, found " + line.size(),
                "fields: " + String.join(" ", FIELDS));
          }
          long submit = number(line, 1, "submit");
          if (submit < 0) throw line.problem(1, "the submit time must be known (0 or more), found " + submit, "seconds since the log's start");
          row.startNanos = submit * SimTime.NANOS_PER_SECOND;
          long run = number(line, 3, "run");
          long procs = number(line, 4, "processors");
          if (procs < 0) procs = number(line, 7, "req_processors");
          if (procs < 1) procs = 1;
          row.durationNanos = run < 0 ? -1 : Math.multiplyExact(run * procs, SimTime.NANOS_PER_SECOND);
          long memoryKb = number(line, 6, "memory_kb");
          row.memoryBytes = memoryKb < 0 ? -1 : Math.multiplyExact(memoryKb * procs, 1024L);
          long queue = number(line, 14, "queue");
          long user = number(line, 11, "user");
          row.function = queue < 0 ? whole : "queue-" + queue;
          row.app = user < 0 ? "" : "user-" + user;
        };
      }
    };
  }

  /** Reads SWF field {@code i} (0-based): a whole number, −1 meaning unknown. */
  private static long number(CsvLine line, int i, String field) throws SpecException {
    String t = line.text(i);
    try {
      long v = Long.parseLong(t);
      if (v < -1) throw line.problem(i, "'" + field + "' must be -1 (unknown) or more, found " + t, HINT);
      return v;
    } catch (NumberFormatException e) {
      try { // some archive logs write decimals (e.g. average CPU time); whole seconds are enough here
        double d = Double.parseDouble(t);
        if (d < -1 || Double.isNaN(d)) throw new NumberFormatException();
        return Math.round(d);
      } catch (NumberFormatException e2) {
        throw line.problem(i, "expected '" + field + "' as a number, found '" + t + "'", HINT);
      }
    }
  }
}
