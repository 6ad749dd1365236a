package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.planner.whatif.ScaledTraffic;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.PoissonTraffic;
import dev.polyvirt.traffic.Traffic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scaling traffic by a factor multiplies the number of arrivals by it (superposition and thinning keep a Poisson stream Poisson). */
class ScaledTrafficTest {
  @ParameterizedTest(name = "×{0}")
  @CsvSource({"0.25", "1", "2.5", "7"})
  void arrivalsScaleWithTheFactorAndStayOrdered(double factor) {
    // Over 2 h at 3/s the expected count is 21,600 × factor; the count lands within 4 standard deviations (√n) and times never decrease.
    Traffic base = new PoissonTraffic(3);
    long horizon = 2 * SimTime.NANOS_PER_HOUR;
    ArrivalProcess a = new ScaledTraffic(base, factor).arrivals(RandomStreams.root(9).stream("arrivals"), horizon);
    long n = 0, last = -1;
    for (long t = a.next(); t != ArrivalProcess.NONE; t = a.next()) {
      assertThat(t).isGreaterThanOrEqualTo(last).isLessThan(horizon);
      last = t;
      n++;
    }
    double expected = 3 * 7200 * factor;
    assertThat((double) n).isCloseTo(expected, within(4 * Math.sqrt(expected)));
    assertThat(new ScaledTraffic(base, factor).meanRatePerSecond(horizon)).isEqualTo(3 * factor);
  }
}
