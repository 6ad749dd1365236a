package dev.polyvirt.models.faas;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.faas.keepalive.KeepAlivePolicy;

/**
 * The settings of the {@code faas} model, named as in AWS SAM.
 *
 * @param memorySizeMb memory per instance, whole MB (128–10,240)
 * @param timeoutNanos a request running longer fails at this point and is billed up to it
 * @param architecture {@code x86_64} or {@code arm64}
 * @param keepAlive how long an idle instance stays warm (and whether it is unloaded and pre-warmed)
 * @param coldStart the cold-start delay distribution
 * @param provisionedConcurrency instances kept initialised all the time (billed while held)
 * @param reservedConcurrency concurrent executions allowed; beyond it requests are throttled
 * @param instanceSelection which idle instance takes a request
 * @param freeTier whether the monthly free tier is deducted
 * @param pings keep-warm pings ({@link Pings#NONE}: none)
 */
public record FaasSettings(int memorySizeMb, long timeoutNanos, String architecture, KeepAlivePolicy keepAlive,
    Distribution coldStart, int provisionedConcurrency, int reservedConcurrency,
    InstanceSelection instanceSelection, boolean freeTier, Pings pings) {

  /** Returns these settings with another keep-alive policy. */
  public FaasSettings withKeepAlive(KeepAlivePolicy policy) {
    return new FaasSettings(memorySizeMb, timeoutNanos, architecture, policy, coldStart, provisionedConcurrency,
        reservedConcurrency, instanceSelection, freeTier, pings);
  }
}
