package dev.polyvirt.models.microvm;

import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.container.ContainerModel;
import dev.polyvirt.models.container.ContainerSettings;
import dev.polyvirt.models.container.RuntimeClasses;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import java.util.List;
import java.util.Optional;

/**
 * The {@code microvm} compute model: container-native virtualisation (seed 002 §7.2 — "Kata
 * Containers, AWS Firecracker ... create lightweight VM boundaries around containers, providing
 * stronger isolation while maintaining container-like startup performance"). It is the container
 * platform (Kubernetes, HPA, cluster autoscaler, node VMs, the same settings) whose pods each run
 * in their own microVM: {@code runtimeClass: firecracker} by default, or {@code kata}. Each pod pays
 * its runtime's start time, memory overhead and CPU slowdown ({@link RuntimeClasses}); in return
 * the isolation is {@code hardware}, so workloads that need a hypervisor boundary are feasible.
 */
public final class MicroVmModel implements ComputeModel<ContainerSettings> {
  private final ContainerModel platform =
      new ContainerModel("microvm", RuntimeClasses.get("firecracker").orElseThrow(), List.of("firecracker", "kata"));

  @Override
  public String name() {
    return platform.name();
  }

  @Override
  public Optional<ContainerSettings> bind(Optional<Node> settings, Workload workload, Problems problems) {
    return platform.bind(settings, workload, problems);
  }

  @Override
  public List<String> infeasibleReasons(RunContext ctx, ContainerSettings settings) {
    return platform.infeasibleReasons(ctx, settings);
  }

  @Override
  public ModelResult simulate(RunContext ctx, ContainerSettings settings) {
    return platform.simulate(ctx, settings);
  }
}
