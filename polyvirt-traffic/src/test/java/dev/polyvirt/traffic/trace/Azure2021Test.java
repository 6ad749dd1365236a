package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure Functions 2021 reader against the file itself (Zhang et al., SOSP 2021; 199-row
 * extract by In-Vitro): invocation count, duration sum, start order and the bounded reorder buffer.
 */
class Azure2021Test {
  @TempDir Path dir;

  static TraceQuery sample() {
    return TraceQuery.of(Traces.AZURE_2021, Traces.resource("azure-functions-2021/Azure2021_200.csv"));
  }

  /** The file's rows as (start, duration) in ns, computed with BigDecimal, independently of the reader. */
  static List<long[]> rows(Path file) throws IOException {
    List<long[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      BigDecimal end = new BigDecimal(c[2]).movePointRight(9);
      BigDecimal d = new BigDecimal(c[3]).movePointRight(9);
      out.add(new long[] {end.subtract(d).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(),
          d.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()});
    }
    return out;
  }

  @Test
  void replayReproducesTheFilesCountAndDurationSum() throws IOException {
    // Replaying every function gives the file's 199 invocations and its total duration to the nanosecond.
    List<long[]> rows = rows(Traces.resource("azure-functions-2021/Azure2021_200.csv"));
    List<Traces.Arrival> replay = Traces.replay(Traces.bind(sample()), 1, Long.MAX_VALUE);
    assertThat(replay).hasSize(199).hasSize(rows.size());
    assertThat(replay.stream().mapToLong(Traces.Arrival::duration).sum()).isEqualTo(rows.stream().mapToLong(r -> r[1]).sum())
        .isEqualTo(10_599_170_000_000L);
  }

  @Test
  void timeZeroIsTheEarliestStartAndStartsAreEndMinusDuration() throws IOException {
    // Each arrival is its row's end minus duration, shifted so that the earliest start is time zero.
    List<long[]> rows = rows(Traces.resource("azure-functions-2021/Azure2021_200.csv"));
    long origin = rows.stream().mapToLong(r -> r[0]).min().orElseThrow();
    List<long[]> expected = rows.stream().map(r -> new long[] {r[0] - origin, r[1]})
        .sorted(Comparator.comparingLong((long[] r) -> r[0])).toList();
    List<Traces.Arrival> replay = Traces.replay(Traces.bind(sample()), 1, Long.MAX_VALUE);
    assertThat(replay.get(0).time()).isZero();
    for (int i = 0; i < replay.size(); i++) {
      assertThat(replay.get(i).time()).isEqualTo(expected.get(i)[0]);
    }
  }

  @Test
  void fileInEndOrderIsReplayedInStartOrderWithABoundedBuffer() throws IOException {
    // Rows written by end time come out by start time, and the buffer holds only requests still running (≈ rate × 2 s).
    Path file = Azure2021ContractTest.writeByEnd(dir.resolve("ends.csv"), 100_000, 3);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2021, file));
    ReplayArrivals a = (ReplayArrivals) t.arrivals(Traces.rng(1), Long.MAX_VALUE);
    long n = 0;
    long previous = 0;
    long durations = 0;
    for (long time = a.next(); time != dev.polyvirt.traffic.ArrivalProcess.NONE; time = a.next()) {
      assertThat(time).isGreaterThanOrEqualTo(previous);
      previous = time;
      durations += a.durationNanos();
      n++;
    }
    assertThat(n).isEqualTo(100_000);
    assertThat(durations).isEqualTo(rows(file).stream().mapToLong(r -> r[1]).sum());
    assertThat(a.largestBuffer()).isBetween(1, 10_000);
  }

  @Test
  void selectsByFunctionAndByApp() {
    // function: keeps one func hash's invocations; app: keeps all of the app's functions.
    TraceTraffic f = Traces.bind(sample().withFunction("3d2aee54a133"));
    assertThat(f.functions()).hasSize(1);
    assertThat(Traces.replay(f, 1, Long.MAX_VALUE)).hasSize((int) f.functions().get(0).invocations());
    TraceTraffic app = Traces.bind(sample().withApp("7b2c43a2bc30f6bb"));
    assertThat(app.functions()).allSatisfy(fn -> assertThat(fn.app()).startsWith("7b2c43a2bc30f6bb"));
    assertThat(Traces.replay(app, 1, Long.MAX_VALUE)).hasSize((int) app.functions().stream().mapToLong(TraceFunction::invocations).sum());
  }

  @Test
  void catalogueCountsFunctionsAndApps() throws Exception {
    // The file holds 31 functions of 13 apps; their invocations add up to the 199 rows.
    List<TraceFunction> fs = TraceFormats.functions(sample());
    assertThat(fs).hasSize(31);
    assertThat(fs.stream().map(TraceFunction::app).distinct().count()).isEqualTo(13);
    assertThat(fs.stream().mapToLong(TraceFunction::invocations).sum()).isEqualTo(199);
    assertThat(fs).extracting(TraceFunction::trigger).containsOnly(TraceFunction.UNKNOWN_TRIGGER);
  }

  @Test
  void everyArrivalCarriesItsDuration() {
    // The 2021 trace records each invocation's duration, so the traffic carries durations.
    TraceTraffic t = Traces.bind(sample());
    assertThat(t.carriesDurations()).isTrue();
    assertThat(Traces.replay(t, 1, Long.MAX_VALUE)).allSatisfy(x -> assertThat(x.duration()).isNotNegative());
    assertThat(t.random()).isFalse();
  }
}
