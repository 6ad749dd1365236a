package dev.polyvirt.engine.metrics;

/**
 * A step function (instances alive, busy slots) integrated exactly per bucket: [0, horizon] is
 * cut into {@code buckets} equal spans (boundaries {@link #boundary}, exact to the nanosecond) and
 * each keeps its integral in 128-bit value-nanoseconds and its peak. Memory is O(buckets) however
 * long the run; the bucket integrals add up to the whole-span integral of a {@link TimeWeighted}
 * fed the same changes, bit for bit.
 */
public final class StepSeries {
  private final long horizon;
  private final int buckets;
  private final long[] hi;
  private final long[] lo;
  private final long[] peak;
  private int bucket;
  private long bucketEnd;
  private long value;
  private long since;

  /** Creates a series over [0, {@code horizon}] in {@code buckets} buckets (at least one). */
  public StepSeries(long horizon, int buckets) {
    if (buckets < 1) throw new IllegalArgumentException("need at least one bucket, got " + buckets);
    if (horizon < 0) throw new IllegalArgumentException("negative horizon " + horizon);
    this.horizon = horizon;
    this.buckets = buckets;
    hi = new long[buckets];
    lo = new long[buckets];
    peak = new long[buckets];
    bucketEnd = boundary(horizon, buckets, 1);
  }

  /** Returns the start of bucket {@code k} (k = buckets gives the horizon): floor(k × horizon / buckets), without overflow. */
  public static long boundary(long horizon, int buckets, int k) {
    return (horizon / buckets) * k + (horizon % buckets) * k / buckets;
  }

  /** Adds {@code delta} to the value at {@code now} (0 ≤ now ≤ horizon, never going backwards). */
  public void add(long now, long delta) {
    advance(now);
    value += delta;
    if (value > peak[bucket]) peak[bucket] = value;
  }

  /** Returns the number of buckets. */
  public int buckets() {
    return buckets;
  }

  /** Returns the mean of each bucket (its integral over its width), the run closed at the horizon. */
  public double[] means() {
    advance(horizon);
    double[] m = new double[buckets];
    for (int k = 0; k < buckets; k++) {
      long width = boundary(horizon, buckets, k + 1) - boundary(horizon, buckets, k);
      m[k] = width == 0 ? 0 : integralNanos(k) / width;
    }
    return m;
  }

  /** Returns the integral of each bucket in value-seconds, the run closed at the horizon. */
  public double[] integralsSeconds() {
    advance(horizon);
    double[] s = new double[buckets];
    for (int k = 0; k < buckets; k++) s[k] = integralNanos(k) / 1e9;
    return s;
  }

  /** Returns the highest value within each bucket (a value carried into a bucket counts there). */
  public long[] peaks() {
    advance(horizon);
    return peak.clone();
  }

  private double integralNanos(int k) {
    double l = lo[k] >= 0 ? lo[k] : lo[k] + 0x1p64;
    return hi[k] * 0x1p64 + l;
  }

  private void advance(long now) {
    if (now < since) throw new IllegalArgumentException("time went backwards: " + now + " < " + since);
    if (now > horizon) throw new IllegalArgumentException("time " + now + " is past the horizon " + horizon);
    while (now >= bucketEnd && bucket < buckets - 1) {
      accumulate(bucketEnd - since);
      since = bucketEnd;
      bucket++;
      bucketEnd = boundary(horizon, buckets, bucket + 1);
      if (value > peak[bucket]) peak[bucket] = value;
    }
    accumulate(now - since);
    since = now;
  }

  private void accumulate(long dt) {
    if (dt <= 0 || value == 0) return;
    // exact unsigned 128-bit sum of value × dt (both non-negative), as TimeWeighted keeps it
    long prodHi = Math.multiplyHigh(value, dt);
    long prodLo = value * dt;
    long l = lo[bucket] + prodLo;
    hi[bucket] += prodHi + (Long.compareUnsigned(l, lo[bucket]) < 0 ? 1 : 0);
    lo[bucket] = l;
  }
}
