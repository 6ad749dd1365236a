package dev.polyvirt.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.planner.whatif.StretchedTraffic;
import dev.polyvirt.traffic.ArrivalProcess;
import dev.polyvirt.traffic.Traffic;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Stretching a traffic's durations keeps its arrivals and multiplies each recorded duration (a trace's) by the factor. */
class StretchedTrafficTest {
  /** A recorded trace of three requests: at 1 s, 2 s and 3 s, lasting 100, 200 and 300 ms. */
  private static final Traffic TRACE = new Traffic() {
    @Override
    public ArrivalProcess arrivals(UniformRandomProvider rng, long horizonNanos) {
      return new ArrivalProcess() {
        int i;

        @Override
        public long next() {
          return ++i <= 3 ? i * SimTime.NANOS_PER_SECOND : NONE;
        }

        @Override
        public long durationNanos() {
          return i <= 3 ? i * 100 * SimTime.NANOS_PER_MILLI : -1;
        }
      };
    }

    @Override
    public double meanRatePerSecond(long horizonNanos) {
      return 1;
    }

    @Override
    public double peakRatePerSecond() {
      return 1;
    }

    @Override
    public String describe() {
      return "three requests";
    }

    @Override
    public Optional<Distribution> duration() {
      return Optional.of(new dev.polyvirt.engine.dist.Fixed(200 * SimTime.NANOS_PER_MILLI));
    }
  };

  @Test
  void arrivalsStayAndDurationsStretch() {
    StretchedTraffic s = new StretchedTraffic(TRACE, 2.5);
    ArrivalProcess a = s.arrivals(RandomStreams.root(1).stream("arrivals"), 10 * SimTime.NANOS_PER_SECOND);
    for (int i = 1; i <= 3; i++) {
      assertThat(a.next()).isEqualTo(i * SimTime.NANOS_PER_SECOND);
      assertThat(a.durationNanos()).isEqualTo(Math.round(i * 100 * SimTime.NANOS_PER_MILLI * 2.5));
    }
    assertThat(a.next()).isEqualTo(ArrivalProcess.NONE);
    assertThat(s.meanRatePerSecond(1)).isEqualTo(1);
    assertThat(s.duration().orElseThrow().quantileNanos(0.5)).isEqualTo(500.0 * SimTime.NANOS_PER_MILLI);
  }
}
