package dev.polyvirt.models.microvm;

import dev.polyvirt.models.ComputeModel;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.container.ContainerModel;
import dev.polyvirt.models.container.ContainerSettings;
import dev.polyvirt.models.container.NodeChoice;
import dev.polyvirt.models.container.RuntimeClasses;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.spec.yaml.Node;
import dev.polyvirt.engine.SimTime;
import dev.polyvirt.pricing.InstanceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>Its nodes are the price book's KVM hosts ({@code kvmHosts:}; on AWS the {@code .metal} types,
 * since Firecracker and Kata need {@code /dev/kvm}, see {@link NodeChoice}): a node group of a few
 * large metal nodes, each packing many microVM pods. A book without KVM hosts makes the model
 * infeasible, with that reason.
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
    List<String> reasons = new ArrayList<>(platform.infeasibleReasons(ctx, settings));
    NodeChoice.kvmShortfall(ctx, settings).ifPresent(kvm -> {
      reasons.removeIf(r -> r.startsWith("no node type in ")); // the platform's generic sentence; this one says why
      reasons.add(0, kvm);
    });
    return List.copyOf(reasons);
  }

  @Override
  public ModelResult simulate(RunContext ctx, ContainerSettings settings) {
    ModelResult r = platform.simulate(ctx, settings);
    if (r.figures().isEmpty()) return r;
    InstanceType host = NodeChoice.hostType(ctx, settings).orElseThrow();
    // node-hours billed over the horizon (compute + idle are the nodes' bill; "other" is the control-plane share)
    var usd = r.figures().get().costUsd();
    double hours = ctx.horizonNanos() / (double) SimTime.NANOS_PER_SECOND / 3600;
    double avgNodes = hours <= 0 ? 0 : usd.compute().add(usd.idle()).doubleValue() / (host.pricePerHour().doubleValue() * hours);
    Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
    metrics.put("avgNodes", avgNodes);
    String note = String.format(Locale.ROOT, "microVM pods on a KVM node group of %s (%d vCPU, %s access): %.2f nodes on average",
        host.name(), host.vcpus(), ctx.priceBook().kvmHostAccess(), avgNodes);
    return r.withMetrics(metrics).withNotes(List.of(note));
  }
}
