package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace statistics of tiny hand-made traces, each figure worked out by hand in the comments. */
class TraceStatsTest {
  /**
   * Three functions (apps x, y, x), eight requests, rows out of order. Starts: a 0, 0.5, 65; b 5,
   * 200; c 10, 15, 715 s. The last ends at 715.1 s, so the span has 12 minutes.
   */
  static final String LOG = """
      timestamp,function,app,duration_ms,memory_mb
      65,a,x,400,128
      0,a,x,100,128
      5,b,y,300,256
      0.5,a,x,200,128
      15,c,x,100,512
      10,c,x,100,512
      715,c,x,100,512
      200,b,y,500,256
      """;

  @TempDir Path dir;

  TraceStats stats() {
    return TraceStats.of(Traces.bind(TraceQuery.of("csv", Traces.write(dir, "log.csv", LOG, false))), Traces.rng(1));
  }

  @Test
  void requestsSpanFunctionsAndApps() {
    // 8 requests over 715.1 s, from 3 functions of 2 apps.
    TraceStats s = stats();
    assertThat(s.requests()).isEqualTo(8);
    assertThat(s.spanNanos()).isEqualTo(715_100_000_000L);
    assertThat(s.functions()).isEqualTo(3);
    assertThat(s.apps()).isEqualTo(2);
  }

  @Test
  void ratePercentilesCountEveryMinuteIncludingIdleOnes() {
    // Minutes hold 5, 1, 0, 1, 0×7, 1 requests: sorted eight 0s, three 1s and a 5; nearest rank of 12 gives
    // p50 = 6th = 0, p90 = 11th = 1, p99 = 12th = 5, max 5, mean 8/12.
    TraceStats.Quantiles q = stats().perMinute();
    assertThat(q.p50()).isZero();
    assertThat(q.p90()).isEqualTo(1);
    assertThat(q.p99()).isEqualTo(5);
    assertThat(q.max()).isEqualTo(5);
    assertThat(q.mean()).isCloseTo(8 / 12.0, within(1e-12));
  }

  @Test
  void idleTimesAreGapsWithinEachFunction() {
    // Gaps: a 0.5 s and 64.5 s, b 195 s, c 5 s and 700 s: one <1s, one 1s-10s, two 1m-10m, one 10m-1h; 4 of 5 under 10 min.
    TraceStats s = stats();
    assertThat(s.idleTimes()).extracting(TraceStats.IdleBin::count).containsExactly(1L, 1L, 0L, 2L, 1L, 0L, 0L);
    assertThat(s.idleTimes()).extracting(TraceStats.IdleBin::label)
        .containsExactly("<1s", "1s-10s", "10s-1m", "1m-10m", "10m-1h", "1h-4h", ">4h");
    assertThat(s.idleShareUnder10Minutes()).isEqualTo(0.8);
  }

  @Test
  void durationAndMemoryPercentilesOfTheRequests() {
    // Durations 100×4, 200, 300, 400, 500 ms: p50 = 4th = 100, p90 = p99 = max = 500, mean 1800/8 = 225.
    // Memory 128×3, 256×2, 512×3 MB: p50 = 4th = 256, p90 = 512, mean 2432/8 = 304.
    TraceStats s = stats();
    assertThat(s.durationMs().orElseThrow()).isEqualTo(new TraceStats.Quantiles(100, 500, 500, 500, 225));
    assertThat(s.memoryMb().orElseThrow()).isEqualTo(new TraceStats.Quantiles(256, 512, 512, 512, 304));
  }

  @Test
  void triggerMixSharesFunctionsAndInvocations() {
    // f1 (http, 4 invocations), f2 (queue, 6), f3 (http, 100): http has 2/3 of functions and 104/110 of invocations.
    Path file = Azure2019Files4Test.invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "a1", "f1", "http", Map.of(1, 3, 2, 1)),
        new Azure2019Files4Test.Row("o", "a1", "f2", "queue", Map.of(1, 2, 5, 4)),
        new Azure2019Files4Test.Row("o", "a2", "f3", "http", Map.of(1, 100)));
    TraceStats s = TraceStats.of(Traces.bind(TraceQuery.of(Traces.AZURE_2019, file)), Traces.rng(1));
    assertThat(s.triggers()).containsExactly(
        new TraceStats.TriggerShare("http", 2, 2 / 3.0, 104, 104 / 110.0),
        new TraceStats.TriggerShare("queue", 1, 1 / 3.0, 6, 6 / 110.0));
    assertThat(s.requests()).isEqualTo(110);
    assertThat(s.perMinute().max()).isEqualTo(105);
    assertThat(s.durationMs()).isEmpty();
    assertThat(s.apps()).isEqualTo(2);
  }

  @Test
  void uniformSpreadGivesExactIdleTimes() {
    // One function, 2 invocations in minute 1 (at 15 s and 45 s) and 1 in minute 3 (at 150 s): gaps 30 s and 105 s.
    Path file = Azure2019Files4Test.invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "a", "f", "timer", Map.of(1, 2, 3, 1)));
    TraceStats s = TraceStats.of(Traces.bind(TraceQuery.of(Traces.AZURE_2019, file).withSpread(Spread.UNIFORM)), Traces.rng(1));
    assertThat(s.idleTimes()).extracting(TraceStats.IdleBin::count).containsExactly(0L, 0L, 1L, 1L, 0L, 0L, 0L);
    assertThat(s.spanNanos()).isEqualTo(86_400_000_000_000L);
    assertThat(s.perMinute().p99()).isZero();
  }
}
