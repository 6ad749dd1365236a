package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.pricing.Cost;

/**
 * How a serverless-container offer bills the instances {@link KnativePlatform} runs: the platform
 * reports each instance's life (created, first request in, last request out, stopped) and the
 * billing keeps what its offer charges. Offers are chosen by {@link ContainerBillings}.
 */
interface ContainerBilling {
  /** Notes that instance {@code i} was created at {@code now} and starts up. */
  void started(int i, long now);

  /** Notes that instance {@code i} took its first request in service at {@code now}. */
  void busy(int i, long now);

  /** Notes that instance {@code i} has no request in service from {@code now} (after start-up or its last request). */
  void idle(int i, long now);

  /** Notes that instance {@code i}, created at {@code start}, stopped at {@code end} (or the run ended). */
  void stopped(int i, long start, long end);

  /** Returns the billed vCPU time in millicore-seconds. */
  long millicoreSeconds();

  /** Returns the billed memory in MiB-seconds. */
  long mibSeconds();

  /** Bills the run: instance time as compute, plus {@code requests} where the offer charges per request. */
  Cost cost(long requests, boolean freeTier);

  /** Names what an instance is billed as, for notes, e.g. {@code Fargate tasks}. */
  String instances();
}
