package dev.polyvirt.traffic.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decimal text to integer units, exactly as BigDecimal would round it. */
class DecimalTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void agreesWithBigDecimal(long seed) {
    // Random decimals of up to 12 fraction digits convert to ns exactly as BigDecimal rounds them, half up.
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      String text = r.nextLong(10_000_000) + "." + String.format("%012d", r.nextLong(1_000_000_000_000L)).substring(0, 1 + r.nextInt(12));
      if (r.nextInt(10) == 0) text = "-" + text;
      long expected = new BigDecimal(text).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
      assertThat(Decimal.scaled(text, 0, text.length(), 1_000_000_000L)).as(text).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "1.2.3", "abc", "1,5", "--1"})
  void rejectsWhatIsNotANumber(String text) {
    // Text that is not a plain decimal is refused, so the reader can report it at its cell.
    assertThatThrownBy(() -> Decimal.scaled(text, 0, text.length(), 1000)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "2.5E-1", "12"})
  void exponentsAndIntegers(String text) {
    // Exponents go through BigDecimal; whole numbers need no fraction.
    long expected = new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    assertThat(Decimal.scaled(text, 0, text.length(), 1000)).isEqualTo(expected);
  }
}
