package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.traffic.ArrivalProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every trace format keeps, run by one subclass per format (and per spread).
 *
 * <p>Streaming by design: readers hold the current line, per-function state and the requests
 * whose start order is not yet settled ({@link ReorderBuffer}), never a list of all rows; the
 * large-trace test replays a million arrivals and counts them.
 */
abstract class TraceFormatContract {
  @TempDir Path dir;

  /** Places the format's sample trace in {@code dir}, gzipped when asked, and returns its query. */
  abstract TraceQuery sample(Path dir, boolean gzip);

  /** Writes a trace of at least a million arrivals in {@code dir}; returns its query and arrival count. */
  abstract Large large(Path dir);

  /** A generated trace and the number of arrivals it holds. */
  record Large(TraceQuery query, long arrivals) {}

  TraceTraffic traffic() {
    return Traces.bind(sample(dir, false));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 99})
  void timesAreOrderedInsideTheSpanAndStayExhausted(long seed) {
    // Arrivals never decrease, lie in [0, span), and once exhausted the stream keeps answering NONE.
    TraceTraffic t = traffic();
    TraceArrivals a = t.arrivals(Traces.rng(seed), Long.MAX_VALUE);
    long previous = 0;
    long n = 0;
    for (long time = a.next(); time != ArrivalProcess.NONE; time = a.next()) {
      if (time < previous || time >= t.span()) throw new AssertionError(time + " after " + previous + " or beyond the span");
      previous = time;
      n++;
    }
    assertThat(n).isPositive();
    assertThat(a.next()).isEqualTo(ArrivalProcess.NONE);
    assertThat(a.next()).isEqualTo(ArrivalProcess.NONE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 99})
  void horizonCutsTheStreamWhereItFalls(long seed) {
    // A horizon inside the span keeps exactly the arrivals before it, the same ones a full replay has.
    TraceTraffic t = traffic();
    long horizon = t.span() / 3;
    List<Traces.Arrival> full = Traces.replay(t, seed, Long.MAX_VALUE);
    List<Traces.Arrival> cut = Traces.replay(t, seed, horizon);
    assertThat(cut).isEqualTo(full.stream().filter(x -> x.time() < horizon).toList());
    assertThat(Traces.replay(t, seed, 0)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 99})
  void sameSeedGivesTheSameReplay(long seed) {
    // Two replays from the same seed give identical times, durations and functions, so every model sees the same requests.
    TraceTraffic t = traffic();
    assertThat(Traces.replay(t, seed, Long.MAX_VALUE)).isEqualTo(Traces.replay(t, seed, Long.MAX_VALUE));
  }

  @Test
  void everyInvocationIsReplayedOnceUnderItsFunction() {
    // Each function's arrivals number its recorded invocations, and the analytic count agrees with the replay.
    TraceTraffic t = traffic();
    long[] perFunction = new long[t.functions().size()];
    for (Traces.Arrival x : Traces.replay(t, 5, Long.MAX_VALUE)) perFunction[x.function()]++;
    for (int f = 0; f < perFunction.length; f++) assertThat(perFunction[f]).isEqualTo(t.functions().get(f).invocations());
    long total = java.util.Arrays.stream(perFunction).sum();
    assertThat(t.expectedRequests(t.span())).isEqualTo((double) total);
    assertThat(t.meanRatePerSecond(t.span()) * t.span() / 1e9).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-6 * total));
    assertThat(t.peakRatePerSecond()).isGreaterThanOrEqualTo(t.meanRatePerSecond(t.span()));
  }

  @Test
  void durationsAreCarriedAsDeclared() {
    // A trace that says it carries durations gives one for every arrival or a distribution for the workload.
    TraceTraffic t = traffic();
    boolean everyArrival = Traces.replay(t, 3, Long.MAX_VALUE).stream().allMatch(x -> x.duration() >= 0);
    assertThat(t.carriesDurations()).isEqualTo(everyArrival || t.duration().isPresent());
  }

  @Test
  void spanIsExposed() {
    // A trace brings its own span, which the Traffic interface exposes for the planner.
    TraceTraffic t = traffic();
    assertThat(t.spanNanos()).isEqualTo(OptionalLong.of(t.span()));
    assertThat(t.span()).isPositive();
  }

  @Test
  void gzipReadsTheSame() {
    // A gzipped copy of the trace, detected by its magic bytes, replays exactly like the plain file.
    TraceTraffic plain = Traces.bind(sample(dir.resolve(mkdir("plain")), false));
    TraceTraffic gzipped = Traces.bind(sample(dir.resolve(mkdir("gzip")), true));
    assertThat(Traces.replay(gzipped, 11, Long.MAX_VALUE)).isEqualTo(Traces.replay(plain, 11, Long.MAX_VALUE));
    assertThat(gzipped.functions()).isEqualTo(plain.functions());
    assertThat(gzipped.duration()).isEqualTo(plain.duration());
  }

  @Test
  void largeTraceIsStreamed() {
    // A million arrivals replay one at a time and all arrive, in order (the readers keep no list of rows).
    Large large = large(dir);
    TraceArrivals a = Traces.bind(large.query()).arrivals(Traces.rng(1), Long.MAX_VALUE);
    long n = 0;
    long previous = 0;
    for (long t = a.next(); t != ArrivalProcess.NONE; t = a.next()) {
      if (t < previous) throw new AssertionError(t + " after " + previous);
      previous = t;
      n++;
    }
    assertThat(n).isEqualTo(large.arrivals());
  }

  private String mkdir(String name) {
    try {
      java.nio.file.Files.createDirectories(dir.resolve(name));
      return name;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
