package dev.polyvirt.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every kind's arrival process keeps, checked for each kind over several seeds. */
class ArrivalProcessContractTest {
  private static final long HORIZON = 6 * 3_600_000_000_000L;
  private static final String[] KINDS = {
      "{poisson: {ratePerSecond: 5}}",
      "{diurnal: {peakPerSecond: 20, troughPerSecond: 1, period: 2h, peakAt: 30m}}",
      "{bursts: {baseRatePerSecond: 1, burstRatePerSecond: 100, every: 30m, length: 1m, start: 5m}}",
      "{schedule: {cron: \"*/5 1-4 * * MON-FRI\", requestsPerFiring: 2}}",
      "{monthlyRequests: 50000000}"};

  static Stream<Arguments> kindsAndSeeds() {
    return Stream.of(KINDS).flatMap(k -> Stream.of(1L, 7L, 99L).map(seed -> Arguments.of(k, seed)));
  }

  @ParameterizedTest
  @MethodSource("kindsAndSeeds")
  void timesAreOrderedInsideTheHorizonAndStayExhausted(String yaml, long seed) {
    // Arrivals never decrease, lie in [0, horizon), and once exhausted the process keeps answering NONE.
    ArrivalProcess arrivals = SpecText.bind(yaml).get().arrivals(SpecText.rng(seed), HORIZON);
    long previous = 0;
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) {
      if (t < previous || t >= HORIZON) throw new AssertionError(t + " after " + previous + " or beyond the horizon");
      previous = t;
    }
    assertThat(arrivals.next()).isEqualTo(ArrivalProcess.NONE);
    assertThat(arrivals.next()).isEqualTo(ArrivalProcess.NONE);
  }

  @ParameterizedTest
  @MethodSource("kindsAndSeeds")
  void sameSeedGivesTheSameSequence(String yaml, long seed) {
    // Two streams from the same seed produce identical arrival times, so every model sees the same requests.
    Traffic traffic = SpecText.bind(yaml).get();
    ArrivalProcess a = traffic.arrivals(SpecText.rng(seed), HORIZON);
    ArrivalProcess b = traffic.arrivals(SpecText.rng(seed), HORIZON);
    long t;
    do {
      t = a.next();
      assertThat(b.next()).isEqualTo(t);
    } while (t != ArrivalProcess.NONE);
  }

  @ParameterizedTest
  @MethodSource("kindsAndSeeds")
  void countMatchesTheAnalyticMean(String yaml, long seed) {
    // The number of arrivals is the analytic expectation: exactly for schedules, within 4σ for Poisson kinds.
    Traffic traffic = SpecText.bind(yaml).get();
    double expected = traffic.expectedRequests(HORIZON);
    long n = SpecText.count(traffic.arrivals(SpecText.rng(seed), HORIZON), 0, HORIZON);
    double tolerance = traffic instanceof ScheduleTraffic ? 1e-6 : 4 * Math.sqrt(expected);
    assertThat((double) n).isCloseTo(expected, within(tolerance));
    assertThat(traffic.peakRatePerSecond()).isGreaterThanOrEqualTo(traffic.meanRatePerSecond(HORIZON));
  }

  @ParameterizedTest
  @MethodSource("kindsAndSeeds")
  void drawingArrivalsAllocatesNothing(String yaml, long seed) {
    // The hot path allocates no memory per arrival: 100,000 draws cost far less than one object each.
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ArrivalProcess arrivals = SpecText.bind(yaml).get().arrivals(SpecText.rng(seed), Long.MAX_VALUE / 2);
    for (int i = 0; i < 10_000; i++) arrivals.next();
    long before = threads.getCurrentThreadAllocatedBytes();
    long sum = 0;
    for (int i = 0; i < 100_000; i++) sum += arrivals.next();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sum).isNotZero();
    assertThat(allocated).isLessThan(16_000);
  }
}
