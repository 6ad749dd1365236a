package dev.polyvirt.traffic.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal text to integer units: "1200.07994389534" seconds becomes 1200079943895 ns with
 * no binary floating point in between, so start = end − duration is exact to the nanosecond.
 * Rounds half up. Plain digits take a fast path; exponents and very long numbers go through
 * {@link BigDecimal}.
 */
final class Decimal {
  private Decimal() {}

  /**
   * Parses {@code text[from, to)} as a decimal number and returns it times {@code scale} (a power
   * of ten: 1e9 turns seconds into nanoseconds), rounded to a whole number.
   *
   * @throws NumberFormatException when the text is not a plain decimal number
   * @throws ArithmeticException when the result does not fit a long
   */
  static long scaled(String text, int from, int to, long scale) {
    int i = from;
    boolean negative = i < to && text.charAt(i) == '-';
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
    int intStart = i;
    while (i < to && isDigit(text.charAt(i))) i++;
    int intEnd = i;
    int fracStart = i;
    int fracEnd = i;
    if (i < to && text.charAt(i) == '.') {
      fracStart = ++i;
      while (i < to && isDigit(text.charAt(i))) i++;
      fracEnd = i;
    }
    if (intEnd == intStart && fracEnd == fracStart) throw new NumberFormatException("no digits");
    if (i < to) {
      if (text.charAt(i) != 'e' && text.charAt(i) != 'E') throw new NumberFormatException("not a number");
      return slow(text.substring(from, to), scale);
    }
    if (intEnd - intStart > 17) return slow(text.substring(from, to), scale);
    long whole = intEnd == intStart ? 0 : Long.parseLong(text, intStart, intEnd, 10);
    if (whole > Long.MAX_VALUE / scale - 1) throw new ArithmeticException("too large");
    long value = whole * scale;
    long unit = scale;
    for (int d = fracStart; d < fracEnd; d++) {
      int digit = text.charAt(d) - '0';
      if (unit == 1) {
        if (digit >= 5) value++;
        break;
      }
      unit /= 10;
      value += digit * unit;
    }
    return negative ? -value : value;
  }

  private static long slow(String text, long scale) {
    return new BigDecimal(text).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
