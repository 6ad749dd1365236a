package dev.polyvirt.planner.limits;

import java.util.List;
import java.util.OptionalLong;

/**
 * The hard limits of one compute model: what no setting can change. A workload that needs more
 * than a limit allows cannot run on the model, whatever its cost or latency.
 *
 * @param model the model's name as specs write it
 * @param maxDurationNanos the longest a single request may run (empty: unlimited)
 * @param durationLimitName how reasons name that limit, e.g. "the 15m FaaS limit"
 * @param maxMemoryMiB the most memory one request may use (empty: as large as the biggest instance)
 * @param oses the {@code requirements.os} values the model can run
 * @param osNote why another OS cannot run there (a sentence ending without a full stop)
 * @param gpu whether the model can attach GPUs (only where the price book prices GPU instance types)
 * @param isolation the strongest boundary between tenants it offers: {@code shared-kernel},
 *     {@code sandboxed} or {@code hardware}
 * @param isolationNote what that boundary is
 * @param stateful whether local state survives between requests (volumes, long-lived instances)
 * @param longLivedConnections whether an instance may hold a client connection open indefinitely
 * @param source where the limits come from
 * @param confidential whether it can run on confidential-computing hardware (memory encrypted by
 *     the CPU: AMD SEV-SNP, Intel TDX; seed 002 §7.3)
 * @param confidentialNote why not, when it cannot (a sentence ending without a full stop)
 */
public record ModelLimits(String model, OptionalLong maxDurationNanos, String durationLimitName, OptionalLong maxMemoryMiB,
    List<String> oses, String osNote, boolean gpu, String isolation, String isolationNote, boolean stateful,
    boolean longLivedConnections, String source, boolean confidential, String confidentialNote) {
  public ModelLimits {
    oses = List.copyOf(oses);
  }

  /** Creates limits of a model that offers no confidential computing. */
  public ModelLimits(String model, OptionalLong maxDurationNanos, String durationLimitName, OptionalLong maxMemoryMiB,
      List<String> oses, String osNote, boolean gpu, String isolation, String isolationNote, boolean stateful,
      boolean longLivedConnections, String source) {
    this(model, maxDurationNanos, durationLimitName, maxMemoryMiB, oses, osNote, gpu, isolation, isolationNote, stateful,
        longLivedConnections, source, false, model + " offers no confidential-computing hardware");
  }
}
