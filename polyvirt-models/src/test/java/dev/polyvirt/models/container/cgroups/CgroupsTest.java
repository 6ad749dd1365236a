package dev.polyvirt.models.container.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CgroupsTest {
  private static final long MS = SimTime.NANOS_PER_MILLI, S = SimTime.NANOS_PER_SECOND;

  @ParameterizedTest(name = "{0} ms at {1} cores, limit {2}, {3} in flight -> {4} ms")
  @CsvSource({
      "200, 1.0, 2.0, 1, 200",   // under the limit: untouched
      "200, 1.0, 0.5, 1, 350",   // 50 ms of CPU per period: 3 full periods + 50 ms
      "200, 1.0, 1.0, 2, 350",   // two requests halve a 1-core quota: the same
      "100, 1.0, 0.5, 1, 150",   // 50 ms, throttled 50 ms, 50 ms
      "40, 1.0, 0.5, 1, 40",     // finishes inside the first period's quota
      "1000, 0.5, 0.25, 1, 1950"}) // 500 core-ms at 25 core-ms per period: 19 periods + 50 ms
  void cfsQuotaSpreadsWorkIntoLaterPeriods(long ms, double demand, double limit, int inFlight, long expectedMs) {
    assertThat(CfsQuota.throttled(ms * MS, demand, limit, inFlight)).isEqualTo(expectedMs * MS);
  }

  @Test
  void crashLoopBackOffDoublesFromTenSecondsToFiveMinutesAndResets() {
    CrashLoopBackOff b = new CrashLoopBackOff();
    long now = 0;
    long[] expected = {10, 20, 40, 80, 160, 300, 300};
    for (long e : expected) {
      b.started(now);
      now += S; // crashes a second after each start
      assertThat(b.crashed(now)).isEqualTo(e * S);
      now += e * S;
    }
    b.started(now);
    assertThat(b.crashed(now + 10 * 60 * S)).as("ran 10 minutes: reset").isEqualTo(10 * S);
    assertThat(b.restarts()).isEqualTo(8);
  }
}
