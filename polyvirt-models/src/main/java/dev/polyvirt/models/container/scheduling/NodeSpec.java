package dev.polyvirt.models.container.scheduling;

import java.util.List;
import java.util.Map;

/**
 * A node's allocatable resources and the attributes the scheduler filters on.
 *
 * @param cpuMilli allocatable CPU in millicores
 * @param memoryMiB allocatable memory in MiB
 * @param gpus whole GPUs on the node; each is shared out in thousandths (Alibaba's {@code gpu_milli})
 * @param labels node labels ({@code nodeSelector} matches them)
 * @param taints node taints ({@code tolerations} must cover the repelling ones)
 */
public record NodeSpec(String name, int cpuMilli, long memoryMiB, int gpus, Map<String, String> labels, List<Taint> taints) {
  public NodeSpec {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }

  /** Creates a plain node without labels or taints. */
  public static NodeSpec of(String name, int cpuMilli, long memoryMiB, int gpus) {
    return new NodeSpec(name, cpuMilli, memoryMiB, gpus, Map.of(), List.of());
  }
}
