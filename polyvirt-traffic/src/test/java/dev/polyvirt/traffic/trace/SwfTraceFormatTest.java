package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard Workload Format job logs (Parallel Workloads Archive layout) on a hand-written sample. */
class SwfTraceFormatTest {
  static final long S = 1_000_000_000L;
  @TempDir Path dir;

  @Test
  void jobsArriveAtTheirSubmitTimeWithCpuSecondsAsDuration() {
    // comments skipped; spaces and tabs both separate; duration = run × processors (job 3: unknown run → -1;
    // its processors unknown → the 2 requested; job 6 ran 0 s)
    TraceTraffic t = Traces.bind(TraceQuery.of("swf", Traces.resource("swf/sample.swf")));
    assertThat(Traces.replay(t, 1, Long.MAX_VALUE)).containsExactly(new Traces.Arrival(0, 100 * S, 0),
        new Traces.Arrival(30 * S, 240 * S, 0), new Traces.Arrival(45 * S, -1, 1), new Traces.Arrival(90 * S, 240 * S, 1),
        new Traces.Arrival(120 * S, 10 * S, 0), new Traces.Arrival(150 * S, 0, 0));
    // queues become functions, users apps
    assertThat(t.functions()).extracting(TraceFunction::id).containsExactly("queue-1", "queue-2");
    assertThat(t.functions()).extracting(TraceFunction::app).containsExactly("user-1", "user-1");
  }

  @Test
  void aQueueIsSelectedByFunction() {
    TraceTraffic q2 = Traces.bind(TraceQuery.of("swf", Traces.resource("swf/sample.swf")).withFunction("queue-2"));
    // the file's clock is kept: jobs 3 and 4 at 45 s and 90 s
    assertThat(Traces.replay(q2, 1, Long.MAX_VALUE)).extracting(Traces.Arrival::time).containsExactly(45 * S, 90 * S);
  }

  @Test
  void aBadFieldIsReportedAtItsLineAndColumn() {
    Path file = Traces.write(dir, "bad.swf", "; a comment\n1 0 10 abc 1 95 2048 1 200 -1 1 1 1 -1 1 -1 -1 -1\n", false);
    Problem p = Traces.problem(TraceQuery.of("swf", file)).problems().get(0);
    assertThat(p.where().line()).isEqualTo(2);
    assertThat(p.where().column()).isEqualTo(8);
    assertThat(p.message()).isEqualTo("expected 'run' as a number, found 'abc'");
  }

  @Test
  void memoryIsUsedKilobytesTimesProcessors() {
    // every job records memory: 2048 KB × 1 = 2 MiB and 1024 KB × 4 = 4 MiB
    Path file = Traces.write(dir, "m.swf", "1 0 0 10 1 -1 2048 1 -1 -1 1 1 1 -1 1 -1 -1 -1\n2 5 0 10 4 -1 1024 4 -1 -1 1 1 1 -1 1 -1 -1 -1\n",
        false);
    TraceTraffic t = Traces.bind(TraceQuery.of("swf", file));
    assertThat(t.memoryCurveMb().orElseThrow().quantile(0)).isEqualTo(2);
    assertThat(t.memoryCurveMb().orElseThrow().quantile(1)).isEqualTo(4);
  }

  @Test
  void aShortLineIsReported() {
    Path file = Traces.write(dir, "short.swf", "1 0 10 100 1\n", false);
    // the replay's own check: the SWF header is its 18 fixed fields
    Problem p = Traces.problem(TraceQuery.of("swf", file)).problems().get(0);
    assertThat(p.where().line()).isEqualTo(1);
    assertThat(p.message()).isEqualTo("row has 5 columns, expected 18 as in the header");
  }
}
