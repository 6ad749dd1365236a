package dev.polyvirt.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTrafficTest {
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void eachFiringDeliversItsRequestsTogether() {
    // Every firing before the horizon yields requestsPerFiring arrivals at exactly the firing time.
    Traffic t = SpecText.bind("{schedule: {cron: \"*/15 * * * *\", requestsPerFiring: 3}}").get();
    assertThat(times(t.arrivals(SpecText.rng(1), 60 * MINUTE))).containsExactly(
        0L, 0L, 0L, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE,
        45 * MINUTE, 45 * MINUTE, 45 * MINUTE);
  }

  @Test
  void horizonIsExclusive() {
    // A firing exactly at the horizon is outside the run.
    Traffic t = SpecText.bind("{schedule: {cron: \"*/15 * * * *\"}}").get();
    assertThat(times(t.arrivals(SpecText.rng(1), 15 * MINUTE))).containsExactly(0L);
  }

  @Test
  void ratesCountFiringsExactly() {
    // The mean rate is firings × requests per firing over the horizon; the peak is one firing's requests per minute.
    Traffic t = SpecText.bind("{schedule: {cron: \"*/15 * * * *\", requestsPerFiring: 3}}").get();
    assertThat(t.meanRatePerSecond(1440 * MINUTE)).isEqualTo(96 * 3 / 86_400.0);
    assertThat(t.peakRatePerSecond()).isEqualTo(3 / 60.0);
    assertThat(t.describe()).isEqualTo("cron '*/15 * * * *' UTC, 3 requests per firing");
  }

  private static List<Long> times(ArrivalProcess arrivals) {
    List<Long> out = new ArrayList<>();
    for (long t = arrivals.next(); t != ArrivalProcess.NONE; t = arrivals.next()) out.add(t);
    assertThat(arrivals.next()).isEqualTo(ArrivalProcess.NONE);
    return out;
  }
}
