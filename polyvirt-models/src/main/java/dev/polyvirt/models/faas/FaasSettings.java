package dev.polyvirt.models.faas;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;

/**
 * The settings of the {@code faas} model, named as in AWS SAM. They do not depend on the price book:
 * {@link FaasOffers#onBook} adapts them to the book's FaaS offer (its cold starts, its longest run).
 *
 * @param memorySizeMb memory per instance, whole MB (128–10,240); under power tuning, the first
 *     (smallest) size of the list
 * @param timeoutNanos a request running longer fails at this point and is billed up to it
 * @param architecture {@code x86_64} or {@code arm64}
 * @param keepAlive how long an idle instance stays warm (and whether it is unloaded and pre-warmed)
 * @param coldStart the cold-start distribution (of {@code memorySizeMb}; each tuned size has its own in {@link PowerTuning#coldStarts});
 *     without {@code coldStart}, a {@link ColdStarts} runtime default that follows the book's provider and {@code packageSize}
 * @param provisionedConcurrency instances kept initialised all the time (billed while held)
 * @param reservedConcurrency concurrent executions allowed; beyond it requests are throttled
 * @param instanceSelection which idle instance takes a request
 * @param freeTier whether the monthly free tier is deducted
 * @param pings keep-warm pings ({@link Pings#NONE}: none)
 * @param cpuBound the share of a request's duration that is CPU-bound (0–1; 1: all of it), which
 *     stretches when the function's CPU share is below the request's CPU ({@link FaasModel#cpuSlowdown})
 * @param powerTuning the memory sizes to compare and how to pick one ({@link PowerTuning#NONE}:
 *     {@code memorySize} is a single number and only it is simulated)
 * @param keepAliveComparison the keep-alive policies to compare ({@link KeepAliveComparison#NONE}:
 *     {@code keepAlive} is a single policy and only it is simulated); when set, {@code keepAlive}
 *     is its first policy
 * @param invocation synchronous or asynchronous invocation, asynchronous retries and the account's
 *     concurrency quota ({@link InvocationPolicy#DEFAULT}: AWS's)
 * @param memoryDefaulted true when {@code memorySize} was not written: the book's offer may then
 *     choose its own default size ({@link FaasOffers#onBook})
 */
public record FaasSettings(int memorySizeMb, long timeoutNanos, String architecture, KeepAlivePolicy keepAlive,
    Distribution coldStart, int provisionedConcurrency, int reservedConcurrency,
    InstanceSelection instanceSelection, boolean freeTier, Pings pings, double cpuBound, PowerTuning powerTuning,
    KeepAliveComparison keepAliveComparison, InvocationPolicy invocation, boolean memoryDefaulted) {

  /** Settings whose memory size was given (or tuned), with AWS's default invocation policy. */
  public FaasSettings(int memorySizeMb, long timeoutNanos, String architecture, KeepAlivePolicy keepAlive,
      Distribution coldStart, int provisionedConcurrency, int reservedConcurrency,
      InstanceSelection instanceSelection, boolean freeTier, Pings pings, double cpuBound, PowerTuning powerTuning,
      KeepAliveComparison keepAliveComparison) {
    this(memorySizeMb, timeoutNanos, architecture, keepAlive, coldStart, provisionedConcurrency, reservedConcurrency,
        instanceSelection, freeTier, pings, cpuBound, powerTuning, keepAliveComparison, InvocationPolicy.DEFAULT, false);
  }

  /** Returns these settings with another invocation policy. */
  public FaasSettings withInvocation(InvocationPolicy policy) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, keepAlive, coldStart, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, powerTuning, keepAliveComparison, policy, memoryDefaulted);
  }

  /** Settings with a single keep-alive policy (no comparison), as before keep-alive lists existed. */
  public FaasSettings(int memorySizeMb, long timeoutNanos, String architecture, KeepAlivePolicy keepAlive,
      Distribution coldStart, int provisionedConcurrency, int reservedConcurrency,
      InstanceSelection instanceSelection, boolean freeTier, Pings pings, double cpuBound, PowerTuning powerTuning) {
    this(memorySizeMb, timeoutNanos, architecture, keepAlive, coldStart, provisionedConcurrency, reservedConcurrency,
        instanceSelection, freeTier, pings, cpuBound, powerTuning, KeepAliveComparison.NONE);
  }

  /** Returns these settings with another keep-alive policy (any keep-alive comparison kept). */
  public FaasSettings withKeepAlive(KeepAlivePolicy policy) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, policy, coldStart, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, powerTuning, keepAliveComparison, invocation, memoryDefaulted);
  }

  /** Returns the settings of the {@code i}-th policy (0-based) of the keep-alive comparison, without the comparison. */
  public FaasSettings atComparedKeepAlive(int i) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, keepAliveComparison.policies().get(i), coldStart,
        provisionedConcurrency, reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, powerTuning,
        KeepAliveComparison.NONE, invocation, memoryDefaulted);
  }

  /** Returns these settings with another CPU-bound share of the duration. */
  public FaasSettings withCpuBound(double share) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, keepAlive, coldStart, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, share, powerTuning, keepAliveComparison, invocation, memoryDefaulted);
  }

  /** Returns the settings of one function of {@code memoryMb} with {@code cold} starts, without power tuning (any keep-alive comparison kept). */
  public FaasSettings atMemory(int memoryMb, Distribution cold) {
    return new FaasSettings(memoryMb, timeoutNanos, architecture, keepAlive, cold, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, PowerTuning.NONE, keepAliveComparison, invocation, false);
  }

  /** Returns the settings of the {@code i}-th size (0-based) of the power-tuning list. */
  public FaasSettings atTunedSize(int i) {
    return atMemory(powerTuning.memorySizesMb().get(i), powerTuning.coldStarts().get(i));
  }

  /** Returns these settings with another cold-start distribution (power tuning and comparisons kept). */
  public FaasSettings withColdStart(Distribution cold) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, keepAlive, cold, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, powerTuning, keepAliveComparison, invocation, memoryDefaulted);
  }

  /** Returns these settings with another timeout. */
  public FaasSettings withTimeout(long nanos) {
    return new FaasSettings(memorySizeMb, nanos, architecture, keepAlive, coldStart, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings, cpuBound, powerTuning, keepAliveComparison, invocation, memoryDefaulted);
  }
}
