package dev.polyvirt.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyvirt.engine.SimTime;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
  @ParameterizedTest
  @CsvSource({
      "120ms, 120000000",
      "2s, 2000000000",
      "1.5s, 1500000000",
      "10m, 600000000000",
      "1h, 3600000000000",
      "1h30m, 5400000000000",
      "7d, 604800000000000",
      "500us, 500000",
      "500µs, 500000",
      "250ns, 250",
      "0s, 0",
      "' 2s ', 2000000000",
  })
  void durationsParseToNanoseconds(String text, long nanos) {
    // Every unit of SPEC.md (ns us ms s m h d), decimals and compound forms give exact nanoseconds.
    assertThat(Units.duration(text)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @ValueSource(strings = {"120", "1.5", "0"})
  void bareNumbersAreRejectedWithAHintNamingUnits(String text) {
    // A number without a unit is ambiguous; the hint offers it with s, ms and m.
    assertThatThrownBy(() -> Units.duration(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no unit").hasMessageContaining(text + "s").hasMessageContaining(text + "ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "10x", "5 s", "1h 30m", "-5s", "ms", "1.s", "2sec"})
  void malformedDurationsAreRejectedWithExamples(String text) {
    // Anything that is not a sequence of number+unit is refused, and the message shows valid forms.
    assertThatThrownBy(() -> Units.duration(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("250ms");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void formattedWholeMillisecondDurationsParseBack(long seed) {
    // SimTime.format writes durations that Units.duration reads back exactly (for whole milliseconds).
    Random rnd = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      long ms = switch (i % 4) {
        case 0 -> rnd.nextInt(1_000);
        case 1 -> rnd.nextInt(100_000);
        case 2 -> (long) rnd.nextInt(10_000) * 60_000;
        default -> Math.abs(rnd.nextLong() % (30L * 86_400_000));
      };
      long nanos = ms * SimTime.NANOS_PER_MILLI;
      assertThat(Units.duration(SimTime.format(nanos))).as(SimTime.format(nanos)).isEqualTo(nanos);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "250m, 250",
      "0.5, 500",
      "2, 2000",
      "1.25, 1250",
      "1000m, 1000",
      "0.0001, 1",
  })
  void cpuQuantitiesParseToMillicores(String text, int millis) {
    // Kubernetes CPU quantities: cores (0.5, 2) or millicores (250m); fractions of a millicore round up.
    assertThat(Units.cpuMillis(text)).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"250M", "2cores", "1Gi", "abc", "-1"})
  void badCpuQuantitiesAreRejectedWithAHint(String text) {
    // A CPU quantity with another suffix or no number is refused, naming the valid forms.
    assertThatThrownBy(() -> Units.cpuMillis(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("250m");
  }

  @ParameterizedTest
  @CsvSource({
      "512Mi, 536870912",
      "2Gi, 2147483648",
      "1G, 1000000000",
      "512M, 512000000",
      "128974848, 128974848",
      "1Ki, 1024",
      "1k, 1000",
      "1Ti, 1099511627776",
      "1.5Gi, 1610612736",
  })
  void memoryQuantitiesParseToBytes(String text, long bytes) {
    // Binary (Ki Mi Gi Ti) and decimal (k M G T) suffixes, or plain bytes.
    assertThat(Units.memoryBytes(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"512MB", "2GB", "1gb", "512Mb"})
  void byteSuffixesAreRejectedWithTheKubernetesOnes(String text) {
    // "MB"/"GB" are a common slip: the hint names Mi/Gi and M/G.
    assertThatThrownBy(() -> Units.memoryBytes(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Mi").hasMessageContaining("Gi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"512Xi", "2g", "lots", "1e3"})
  void otherBadMemoryQuantitiesAreRejected(String text) {
    // Unknown suffixes and non-quantities are refused, naming the valid suffixes or forms.
    assertThatThrownBy(() -> Units.memoryBytes(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Mi");
  }

  @ParameterizedTest
  @CsvSource({
      "duration, 99999999999d",
      "cpu, 99999999999",
      "memory, 99999999999Ti",
  })
  void overflowingQuantitiesAreRejectedWithIllegalArgumentException(String kind, String text) {
    // The Units contract: every parser signals bad input with IllegalArgumentException (its message a hint),
    // including values too large to represent - callers catch only that.
    assertThatThrownBy(() -> {
      switch (kind) {
        case "duration" -> Units.duration(text);
        case "cpu" -> Units.cpuMillis(text);
        default -> Units.memoryBytes(text);
      }
    }).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "268435456, 256Mi",
      "2147483648, 2Gi",
      "1000, 1000",
  })
  void formatBytesUsesTheLargestWholeBinaryUnit(long bytes, String text) {
    // Byte counts print as whole Gi or Mi when they can.
    assertThat(Units.formatBytes(bytes)).isEqualTo(text);
  }
}
