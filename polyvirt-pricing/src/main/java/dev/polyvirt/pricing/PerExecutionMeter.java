package dev.polyvirt.pricing;

import dev.polyvirt.engine.SimTime;

/**
 * What the FaaS offers without pre-warmed instances have in common (Azure Functions Consumption,
 * Cloud Run functions): every execution is counted and its time is billed rounded up to the
 * offer's granularity and at least its minimum, the start-up included when the offer bills it.
 * Subclasses turn the counts into money ({@link #bill}).
 */
abstract class PerExecutionMeter implements FunctionMeter {
  private final String product;
  private final boolean billsInit;
  private final long granularityNanos;
  private final long minimumNanos;
  private long executions;
  private long billedMillis;

  /**
   * @param product the offer's name, for messages
   * @param limits the offer's limits, which {@code memoryMb} must meet
   * @param memoryMb the function's memory size
   * @param billsInit whether a cold start's start-up time is billed with its duration
   * @param granularityNanos the rounding step of a billed execution
   * @param minimumNanos the least time an execution is billed
   */
  PerExecutionMeter(String product, FunctionLimits limits, int memoryMb, boolean billsInit, long granularityNanos, long minimumNanos) {
    if (!limits.allowsMemory(memoryMb)) {
      throw new IllegalArgumentException(product + " memory must be " + limits.memoryMinMb() + "–" + limits.memoryMaxMb()
          + " MB, got " + memoryMb);
    }
    this.product = product;
    this.billsInit = billsInit;
    this.granularityNanos = granularityNanos;
    this.minimumNanos = minimumNanos;
  }

  @Override
  public final void invocation(long durationNanos) {
    if (durationNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + durationNanos);
    executions = Math.addExact(executions, 1);
    long billed = Math.max(minimumNanos, SimTime.ceilTo(durationNanos, granularityNanos));
    billedMillis = Math.addExact(billedMillis, billed / SimTime.NANOS_PER_MILLI);
  }

  @Override
  public final void coldInvocation(long initNanos, long durationNanos) {
    if (initNanos < 0) throw new IllegalArgumentException("a duration cannot be negative, got " + initNanos);
    invocation(billsInit ? Math.addExact(initNanos, durationNanos) : durationNanos);
  }

  @Override
  public final void provisionedInvocation(long durationNanos) {
    throw new IllegalStateException(product + " has no pre-warmed instances priced in this book");
  }

  @Override
  public final void provisioned(long instances, long heldNanos) {
    if (instances != 0) throw new IllegalStateException(product + " has no pre-warmed instances priced in this book");
  }

  @Override
  public final long requests() {
    return executions;
  }

  @Override
  public final long billedMillis() {
    return billedMillis;
  }
}
