package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic csv log: timestamps as numbers or ISO-8601, any row order, optional columns. */
class CsvTraceFormatTest {
  @TempDir Path dir;

  @Test
  void isoTimestampsWithOffsetsAreOneClock() {
    // 12:00:00Z, 14:00:01+02:00 and 12:00:02.5 (UTC without an offset) are 0, 1 and 2.5 s after the first request.
    Path file = Traces.write(dir, "log.csv", "timestamp,duration_ms\n2024-05-01T14:00:01+02:00,20\n2024-05-01T12:00:00Z,10\n"
        + "2024-05-01T12:00:02.5,30\n", false);
    TraceTraffic t = Traces.bind(TraceQuery.of("csv", file));
    assertThat(Traces.replay(t, 1, Long.MAX_VALUE)).containsExactly(new Traces.Arrival(0, 10_000_000, 0),
        new Traces.Arrival(1_000_000_000, 20_000_000, 0), new Traces.Arrival(2_500_000_000L, 30_000_000, 0));
    assertThat(t.span()).isEqualTo(2_530_000_000L);
    assertThat(t.functions()).extracting(TraceFunction::id).containsExactly("log.csv");
  }

  @Test
  void numericTimestampsAreSecondsAndShuffledRowsComeOutSorted() {
    // Unix seconds with fractions are exact, and rows in any order replay in start order.
    Path file = Traces.write(dir, "log.csv", "timestamp\n1714564800.75\n1714564800.25\n1714564801\n1714564800.25\n", false);
    assertThat(Traces.replay(Traces.bind(TraceQuery.of("csv", file)), 1, Long.MAX_VALUE)).extracting(Traces.Arrival::time)
        .containsExactly(0L, 0L, 500_000_000L, 750_000_000L);
  }

  @Test
  void withoutDurationsTheWorkloadsDurationApplies() {
    // A log without duration_ms carries no durations: arrivals answer −1 and duration() is empty.
    Path file = Traces.write(dir, "log.csv", "timestamp\n1\n2\n", false);
    TraceTraffic t = Traces.bind(TraceQuery.of("csv", file));
    assertThat(t.carriesDurations()).isFalse();
    assertThat(t.duration()).isEmpty();
    assertThat(Traces.replay(t, 1, Long.MAX_VALUE)).extracting(Traces.Arrival::duration).containsOnly(-1L);
  }

  @Test
  void memoryAndFunctionColumns() {
    // memory_mb gives the 99th percentile as the workload's memory; function: selects one function's rows, on the file's clock.
    StringBuilder text = new StringBuilder("timestamp,function,memory_mb,duration_ms\n");
    for (int i = 0; i < 100; i++) text.append(i).append(i % 2 == 0 ? ",resize," : ",thumb,").append(i < 99 ? 128 : 1024).append(",5\n");
    Path file = Traces.write(dir, "log.csv", text.toString(), false);
    TraceTraffic all = Traces.bind(TraceQuery.of("csv", file));
    assertThat(all.memoryBytes()).hasValue(128L << 20);
    TraceTraffic thumb = Traces.bind(TraceQuery.of("csv", file).withFunction("thumb"));
    assertThat(Traces.replay(thumb, 1, Long.MAX_VALUE)).hasSize(50).allSatisfy(x -> assertThat(x.time() % 2_000_000_000L)
        .isEqualTo(1_000_000_000L));
    assertThat(thumb.memoryCurveMb().orElseThrow().quantile(1)).isEqualTo(1024);
  }

  @Test
  void selectingByAColumnTheFileLacksIsReported() {
    // function: on a log without a function column is refused at the function key.
    Path file = Traces.write(dir, "log.csv", "timestamp\n1\n", false);
    Problem p = Traces.problem(TraceQuery.of("csv", file).withFunction("api")).problems().get(0);
    assertThat(p.message()).isEqualTo("the trace has no 'function' column to select by");
  }
}
