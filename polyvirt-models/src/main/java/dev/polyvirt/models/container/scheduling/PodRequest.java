package dev.polyvirt.models.container.scheduling;

import java.util.List;
import java.util.Map;

/**
 * What a pod asks the scheduler for: its {@code resources.requests}, GPUs and placement rules.
 *
 * @param cpuMilli requested CPU in millicores
 * @param memoryMiB requested memory in MiB
 * @param gpus GPUs wanted (0 for none)
 * @param gpuMilli thousandths of each of those GPUs (1000 = whole GPUs; below 1000 a shared GPU, as
 *     Alibaba's GPU-sharing pods ask, Weng et al., ATC 2023)
 * @param nodeSelector labels a node must carry
 * @param tolerations taints the pod accepts
 */
public record PodRequest(int cpuMilli, long memoryMiB, int gpus, int gpuMilli, Map<String, String> nodeSelector,
    List<Toleration> tolerations) {
  public PodRequest {
    if (gpus > 0 && (gpuMilli < 1 || gpuMilli > 1000)) throw new IllegalArgumentException("gpuMilli must be 1..1000");
    if (gpus > 1 && gpuMilli < 1000) throw new IllegalArgumentException("only a single GPU can be shared");
    nodeSelector = Map.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
  }

  /** Creates a pod with resource requests only. */
  public static PodRequest of(int cpuMilli, long memoryMiB, int gpus, int gpuMilli) {
    return new PodRequest(cpuMilli, memoryMiB, gpus, gpus == 0 ? 0 : gpuMilli, Map.of(), List.of());
  }

  /** Returns the GPU thousandths the pod holds in total. */
  public int totalGpuMilli() {
    return gpus * gpuMilli;
  }
}
