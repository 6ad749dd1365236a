package dev.polyvirt.traffic.trace;

import static dev.polyvirt.traffic.trace.Azure2019Files4Test.invocations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.traffic.ArrivalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Azure Functions 2019 reader against the published files themselves (Shahrad et al., USENIX
 * ATC 2020, extract by In-Vitro): counts, percentiles and memory as the files state them.
 */
class Azure2019Test {
  static final long MINUTE = 60_000_000_000L;
  @TempDir Path dir;

  static TraceQuery five() {
    return TraceQuery.of(Traces.AZURE_2019, Traces.resource("azure-functions-2019/5_invocations.csv"));
  }

  static TraceQuery one() {
    return TraceQuery.of(Traces.AZURE_2019, Traces.resource("azure-functions-2019/1_invocations.csv"));
  }

  @ParameterizedTest
  @EnumSource(Spread.class)
  void replayedMinutesHoldExactlyTheFilesCounts(Spread spread) throws IOException {
    // Whatever the spread, every function's arrivals in each minute number the file's count for that minute.
    TraceTraffic t = Traces.bind(five().withSpread(spread));
    long[][] replayed = new long[t.functions().size()][1440];
    TraceArrivals a = t.arrivals(Traces.rng(2020), Long.MAX_VALUE);
    for (long time = a.next(); time != ArrivalProcess.NONE; time = a.next()) replayed[a.function()][(int) (time / MINUTE)]++;
    List<String> rows = Files.readAllLines(Traces.resource("azure-functions-2019/5_invocations.csv"));
    for (int f = 0; f < t.functions().size(); f++) {
      String[] cells = rows.get(f + 1).split(",");
      assertThat(t.functions().get(f).id()).isEqualTo(cells[2]);
      for (int m = 0; m < 1440; m++) assertThat(replayed[f][m]).as("function %d minute %d", f, m + 1).isEqualTo(Long.parseLong(cells[4 + m]));
    }
  }

  @Test
  void durationsFollowTheFunctionsPercentiles() {
    // The duration distribution passes through p0, p1, p25, p50, p75, p99, p100 of 1_durations.csv: 2, 2, 3, 4, 5, 11, 453 ms.
    Distribution d = Traces.bind(one()).duration().orElseThrow();
    double[] p = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};
    long[] ms = {2, 2, 3, 4, 5, 11, 453};
    for (int i = 0; i < p.length; i++) assertThat(d.quantileNanos(p[i])).isEqualTo(ms[i] * 1e6);
    assertThat(Traces.bind(one()).carriesDurations()).isTrue();
  }

  @Test
  void memoryIsTheApps99thPercentile() {
    // The memory a workload needs is the app's AverageAllocatedMb_pct99 of 1_memory.csv: 232 MB, as MiB.
    assertThat(Traces.bind(one()).memoryBytes()).hasValue(232L << 20);
  }

  @Test
  void memoryFileWithoutFunctionColumnJoinsByApp() throws IOException {
    // The published memory file has no HashFunction column; rows then join the function by its owner and app.
    List<String> lines = Files.readAllLines(Traces.resource("azure-functions-2019/1_memory.csv"));
    StringBuilder published = new StringBuilder();
    for (String l : lines) {
      String[] c = l.split(",");
      published.append(c[0]).append(',').append(c[1]);
      for (int i = 3; i < c.length; i++) published.append(',').append(c[i]);
      published.append('\n');
    }
    Path memory = Traces.write(dir, "app_memory.csv", published.toString(), false);
    assertThat(Traces.bind(one().withMemory(memory)).memoryBytes()).hasValue(232L << 20);
  }

  @Test
  void withoutDurationsFileTheWorkloadsDurationApplies() {
    // A trace whose durations file cannot be found supplies no duration, so request.duration is drawn.
    Path file = Traces.copy("azure-functions-2019/1_invocations.csv", dir, "alone.csv", false);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, file));
    assertThat(t.duration()).isEmpty();
    assertThat(t.carriesDurations()).isFalse();
    assertThat(t.memoryBytes()).isEmpty();
  }

  @Test
  void uniformSpreadPlacesEachInTheMiddleOfItsShare() {
    // Four invocations in minute 1 arrive at 7.5, 22.5, 37.5 and 52.5 s; one in minute 3 at 150 s.
    Path file = invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "a", "f", "timer", Map.of(1, 4, 3, 1)));
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, file).withSpread(Spread.UNIFORM));
    assertThat(Traces.replay(t, 1, Long.MAX_VALUE)).extracting(Traces.Arrival::time)
        .containsExactly(7_500_000_000L, 22_500_000_000L, 37_500_000_000L, 52_500_000_000L, 150_000_000_000L);
    assertThat(t.random()).isFalse();
    assertThat(t.span()).isEqualTo(1440 * MINUTE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void poissonSpreadIsUniformWithinTheMinute(long seed) {
    // Positions inside the minute are uniform: mean 30 s and a quarter in each quarter-minute, within 4σ.
    Path file = invocations(dir, "x_invocations.csv", new Azure2019Files4Test.Row("o", "a", "f", "http", Map.of(10, 40_000)));
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, file));
    TraceArrivals a = t.arrivals(Traces.rng(seed), Long.MAX_VALUE);
    int n = 0;
    double sum = 0;
    int firstQuarter = 0;
    for (long time = a.next(); time != ArrivalProcess.NONE; time = a.next()) {
      double u = (time - 9 * MINUTE) / (double) MINUTE;
      sum += u;
      if (u < 0.25) firstQuarter++;
      n++;
    }
    assertThat(n).isEqualTo(40_000);
    assertThat(sum / n).isCloseTo(0.5, within(4 * Math.sqrt(1.0 / 12 / n)));
    assertThat(firstQuarter / (double) n).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / n)));
  }

  @ParameterizedTest
  @EnumSource(Spread.class)
  void drawingArrivalsAllocatesNothing(Spread spread) {
    // Replaying per-minute counts allocates no memory per arrival: 200,000 draws cost far less than one object each.
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    TraceArrivals a = Traces.bind(five().withSpread(spread)).arrivals(Traces.rng(1), Long.MAX_VALUE);
    for (int i = 0; i < 10_000; i++) a.next();
    long before = threads.getCurrentThreadAllocatedBytes();
    long sum = 0;
    for (int i = 0; i < 200_000; i++) sum += a.next() + a.function();
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16_000);
    assertThat(sum).isPositive();
  }

  @Test
  void analyticFiguresComeFromTheMinuteCounts() {
    // Peak rate is the busiest minute's; a 90 s window holds at most one minute plus half the next.
    Path file = invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "a", "f", "http", Map.of(1, 60, 2, 120, 3, 30)));
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, file));
    assertThat(t.peakRatePerSecond()).isEqualTo(2.0);
    assertThat(t.peakRequestsWithin(90_000_000_000L, Long.MAX_VALUE)).isEqualTo(135.0);
    assertThat(t.peakRequestsWithin(30_000_000_000L, Long.MAX_VALUE)).isEqualTo(60.0);
    assertThat(t.expectedRequests(90_000_000_000L)).isEqualTo(120.0);
    assertThat(t.meanRatePerSecond(3 * MINUTE)).isEqualTo(210 / 180.0);
    assertThat(t.random()).isTrue();
  }

  @Test
  void appSelectionSuperposesTheAppsFunctions() {
    // Selecting an app replays its functions merged in time order: the per-minute totals add up, and durations mix.
    Path file = invocations(dir, "x_invocations.csv",
        new Azure2019Files4Test.Row("o", "shop", "f1", "http", Map.of(1, 3, 2, 1)),
        new Azure2019Files4Test.Row("o", "shop", "f2", "queue", Map.of(1, 2, 5, 4)),
        new Azure2019Files4Test.Row("o", "other", "f3", "http", Map.of(1, 100)));
    Traces.write(dir, "x_durations.csv", "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,"
        + "percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,"
        + "percentile_Average_100\no,shop,f1,1,4,0,0,10,10,10,10,10,10,10\no,shop,f2,1,6,0,0,30,30,30,30,30,30,30\n", false);
    TraceTraffic t = Traces.bind(TraceQuery.of(Traces.AZURE_2019, file).withApp("shop"));
    assertThat(t.functions()).extracting(TraceFunction::id).containsExactly("f1", "f2");
    long[] perMinute = new long[1440];
    for (Traces.Arrival x : Traces.replay(t, 4, Long.MAX_VALUE)) perMinute[(int) (x.time() / MINUTE)]++;
    assertThat(perMinute[0]).isEqualTo(5);
    assertThat(perMinute[1]).isEqualTo(1);
    assertThat(perMinute[4]).isEqualTo(4);
    assertThat(t.expectedRequests(Long.MAX_VALUE)).isEqualTo(10);
    // f1 (10 ms) has 4 invocations, f2 (30 ms) 6: the mixture's median is 30 ms and its 40th percentile lies between
    Distribution d = t.duration().orElseThrow();
    assertThat(d.quantileNanos(0.2)).isCloseTo(10e6, within(1e3));
    assertThat(d.quantileNanos(0.5)).isCloseTo(30e6, within(1e3));
    assertThat(d.meanNanos()).isCloseTo(22e6, within(0.5e6));
  }

  @Test
  void triggerSelectionKeepsThatTriggersFunctions() {
    // trigger: queue keeps exactly the queue-triggered functions of the file, with their invocations.
    TraceTraffic t = Traces.bind(five().withTrigger("queue"));
    assertThat(t.functions()).extracting(TraceFunction::trigger).containsOnly("queue");
    assertThat(t.functions()).extracting(f -> f.id().substring(0, 8)).containsExactly("8203ff88", "b1224a9c");
    assertThat(t.expectedRequests(Long.MAX_VALUE)).isEqualTo(52_396 + 1_371_429);
  }

  @Test
  void functionsAreListedWithAppTriggerAndInvocations() throws Exception {
    // The listing for function: "*" names every function of the file with its app, trigger and day's invocations.
    List<TraceFunction> fs = TraceFormats.functions(five());
    assertThat(fs).hasSize(5);
    assertThat(fs).extracting(TraceFunction::trigger).containsExactly("queue", "event", "queue", "event", "event");
    assertThat(fs).extracting(TraceFunction::invocations).containsExactly(52_396L, 45_072L, 1_371_429L, 2_979_311L, 20_820_188L);
    assertThat(fs.get(0).app()).startsWith("94409f24");
  }

  @Test
  void everyFunctionSplitsIntoOneTrafficEach() {
    // function: "*" binds all functions and splits them, each its own traffic with its own count and durations.
    TraceTraffic all = Traces.bind(five().withFunction(TraceQuery.EVERY_FUNCTION));
    assertThat(all.perFunction()).isTrue();
    List<TraceTraffic> each = assertThatSplit(all);
    assertThat(each).hasSize(5);
    assertThat(each.get(1).functions()).extracting(TraceFunction::id).containsExactly(all.functions().get(1).id());
    assertThat(each.get(1).expectedRequests(Long.MAX_VALUE)).isEqualTo(45_072);
    assertThat(each.get(1).duration().orElseThrow().quantileNanos(0.5)).isEqualTo(206e6);
    assertThat(each.get(1).perFunction()).isFalse();
  }

  private static List<TraceTraffic> assertThatSplit(TraceTraffic t) {
    try {
      return t.split();
    } catch (dev.polyvirt.spec.SpecException e) {
      throw new AssertionError(e);
    }
  }
}
