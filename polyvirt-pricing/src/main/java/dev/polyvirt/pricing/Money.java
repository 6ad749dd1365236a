package dev.polyvirt.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Converts integer usage into exact amounts. Multiplications and divisions by powers of two and
 * ten are exact; the few divisions that do not terminate (by 3600 s/h, by a horizon's share of a
 * month) keep {@link #PRECISION} significant digits. Rounding to cents happens only in
 * {@link #display}.
 */
public final class Money {
  /** 34 significant digits (IEEE 754 decimal128) for non-terminating divisions. */
  public static final MathContext PRECISION = MathContext.DECIMAL128;

  private static final BigDecimal MB_MS_PER_GB_SECOND = BigDecimal.valueOf(1024L * 1000L);
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private Money() {}

  /** Converts MB-ms to GB-s (GB = 1024 MB, as AWS counts Lambda memory); exact. */
  public static BigDecimal gbSeconds(long mbMs) {
    return BigDecimal.valueOf(mbMs).divide(MB_MS_PER_GB_SECOND, PRECISION);
  }

  /** Prices {@code unitSeconds} (instance-, vCPU- or GB-seconds) at {@code perHour}: unitSeconds × perHour / 3600. */
  public static BigDecimal perHour(long unitSeconds, BigDecimal perHour) {
    return perHour(BigDecimal.valueOf(unitSeconds).multiply(perHour));
  }

  /** Converts an exact sum of seconds × hourly prices into an amount: sum / 3600. */
  public static BigDecimal perHour(BigDecimal secondsTimesPrice) {
    return secondsTimesPrice.divide(SECONDS_PER_HOUR, PRECISION);
  }

  /** Returns the share of a 730-h billing month that {@code horizonNanos} covers (exactly 1 for a month). */
  public static BigDecimal monthShare(long horizonNanos) {
    if (horizonNanos <= 0) throw new IllegalArgumentException("the horizon must be positive, got " + horizonNanos);
    return horizonNanos == dev.polyvirt.engine.SimTime.NANOS_PER_BILLING_MONTH ? BigDecimal.ONE
        : BigDecimal.valueOf(horizonNanos).divide(BigDecimal.valueOf(dev.polyvirt.engine.SimTime.NANOS_PER_BILLING_MONTH), PRECISION);
  }

  /** Returns {@code value} minus {@code allowance}, but never below zero. */
  public static BigDecimal lessAllowance(BigDecimal value, BigDecimal allowance) {
    return value.subtract(allowance).max(BigDecimal.ZERO);
  }

  /** Rounds an amount to cents (half up) for display only. */
  public static String display(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
