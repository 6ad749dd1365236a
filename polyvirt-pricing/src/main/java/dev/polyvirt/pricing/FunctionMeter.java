package dev.polyvirt.pricing;

/**
 * Meters one function's usage and bills it by its offer's rules. Platforms record invocations;
 * the bill is computed once, at the end, in {@link #bill}.
 */
public interface FunctionMeter {
  /** Records one on-demand request that ran for {@code durationNanos} on a warm instance. */
  void invocation(long durationNanos);

  /** Records an on-demand request that started a new instance ({@code initNanos}) and then ran {@code durationNanos}. */
  void coldInvocation(long initNanos, long durationNanos);

  /** Records one request served by a provisioned (pre-warmed) instance. */
  void provisionedInvocation(long durationNanos);

  /** Records {@code instances} provisioned instances held for {@code heldNanos}. */
  void provisioned(long instances, long heldNanos);

  /** Returns the requests recorded. */
  long requests();

  /** Returns the billed on-demand time in whole milliseconds (after rounding and minimums, INIT included if billed). */
  long billedMillis();

  /** Bills the usage of a run lasting {@code horizonNanos}, with or without the monthly free tier. */
  Cost bill(long horizonNanos, boolean freeTier);
}
