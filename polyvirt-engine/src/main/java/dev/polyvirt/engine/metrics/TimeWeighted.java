package dev.polyvirt.engine.metrics;

/**
 * The time integral of a step function (instances alive, busy slots), kept exactly in
 * integer value-nanoseconds so a week-long average has no rounding drift.
 */
public final class TimeWeighted {
  private long value;
  private long since;
  private long peak;
  // value × nanoseconds can exceed a long (1e5 instances over a year): keep 128 bits
  private long integralHi;
  private long integralLo;

  /** Sets the value at time {@code now}; time must not go backwards. */
  public void set(long now, long newValue) {
    accumulate(now);
    value = newValue;
    if (newValue > peak) peak = newValue;
  }

  /** Adds {@code delta} to the value at time {@code now}. */
  public void add(long now, long delta) {
    set(now, value + delta);
  }

  /** Returns the current value. */
  public long value() {
    return value;
  }

  /** Returns the highest value seen. */
  public long peak() {
    return peak;
  }

  /** Returns the integral up to {@code now} in value-seconds. */
  public double integralSeconds(long now) {
    accumulate(now);
    double lo = integralLo >= 0 ? integralLo : integralLo + 0x1p64;
    return (integralHi * 0x1p64 + lo) / 1e9;
  }

  /** Returns the time-weighted mean over [0, now]. */
  public double mean(long now) {
    return now <= 0 ? value : integralSeconds(now) / (now / 1e9);
  }

  private void accumulate(long now) {
    if (now < since) throw new IllegalArgumentException("time went backwards: " + now + " < " + since);
    long dt = now - since;
    if (dt > 0 && value != 0) {
      // exact unsigned 128-bit sum of value × dt (both non-negative)
      long prodHi = Math.multiplyHigh(value, dt);
      long prodLo = value * dt;
      long lo = integralLo + prodLo;
      integralHi += prodHi + (Long.compareUnsigned(lo, integralLo) < 0 ? 1 : 0);
      integralLo = lo;
    }
    since = now;
  }
}
