package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.pricing.Architecture;
import dev.polyvirt.pricing.CloudRunPrices;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The settings of the {@code serverless-container} model, named as in Knative Serving / Cloud Run.
 *
 * @param containerConcurrency requests one instance serves at once (Knative's hard limit; Cloud Run's "concurrency")
 * @param minScale instances kept even without traffic (0: scale to zero)
 * @param maxScale most instances; beyond them requests wait at the activator
 * @param cpuMillis the instance's vCPUs in millicores (a Fargate task size); empty: chosen by {@link TaskSizes#choose}
 * @param memoryMiB the instance's memory in MiB (valid for its CPU); empty: chosen by {@link TaskSizes#choose}
 * @param targetUtilization the share of {@code containerConcurrency} the autoscaler aims at, in percent
 * @param startTime time from an instance's creation to ready (its cold start)
 * @param timeoutNanos a request not answered this long after it arrived fails (Knative / Cloud Run request timeout)
 * @param architecture the tasks' processor architecture (its Fargate rates)
 * @param billing Cloud Run's billing mode ({@code billing: request | instance}); empty: the offer's
 *     default (request-based on Cloud Run; Fargate bills instances only)
 * @param freeTier whether the monthly free tier is deducted (Cloud Run request-based billing; Fargate has none)
 */
public record ServerlessContainerSettings(int containerConcurrency, int minScale, int maxScale, Optional<Integer> cpuMillis,
    OptionalLong memoryMiB, double targetUtilization, Distribution startTime, long timeoutNanos, Architecture architecture,
    Optional<CloudRunPrices.Billing> billing, boolean freeTier) {

  /** Settings with the offer's default billing and no free tier, as before billing modes existed. */
  public ServerlessContainerSettings(int containerConcurrency, int minScale, int maxScale, Optional<Integer> cpuMillis,
      OptionalLong memoryMiB, double targetUtilization, Distribution startTime, long timeoutNanos, Architecture architecture) {
    this(containerConcurrency, minScale, maxScale, cpuMillis, memoryMiB, targetUtilization, startTime, timeoutNanos, architecture,
        Optional.empty(), false);
  }

  /** Returns the concurrency per instance the autoscaler aims at: containerConcurrency × targetUtilization. */
  public double targetConcurrency() {
    return containerConcurrency * targetUtilization / 100.0;
  }
}
