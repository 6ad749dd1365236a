package dev.polyvirt.models.container;

import dev.polyvirt.models.CpuCredits;
import dev.polyvirt.models.Energy;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.models.vm.InstanceBilling;
import dev.polyvirt.models.vm.VmBill;
import dev.polyvirt.pricing.ControlPlaneMeter;
import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.InstanceMeter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Bills a container run: node instance-seconds at the EC2 price (the share matching CPU
 * utilisation of the nodes is compute, the rest idle) plus this workload's share of the EKS
 * control plane ($0.10 per cluster-hour, figures.md) as other: one cluster serves every
 * container workload of the portfolio, so its fee is split evenly between them. Windows nodes add
 * their licence per vCPU-hour as other, and the Linux system node a Windows pool needs as idle
 * ({@link WindowsNodePool}).
 */
final class ContainerBill {
  private ContainerBill() {}

  static ModelResult result(String model, RunContext ctx, NodeShape shape, RunStats stats, InstanceBilling billing, List<String> notes) {
    return result(model, ctx, shape, stats, billing, notes, Cost.ZERO);
  }

  /** Bills the run as above plus {@code cluster}: what the cluster adds for this workload alone (a Windows pool's Linux system node). */
  static ModelResult result(String model, RunContext ctx, NodeShape shape, RunStats stats, InstanceBilling billing, List<String> notes,
      Cost cluster) {
    InstanceMeter meter = billing.close();
    double busyCoreSeconds = VmBill.busyCoreSeconds(stats, ctx);
    meter.surplus(CpuCredits.surplusVcpuSeconds(shape.type(), meter.billedSeconds(), busyCoreSeconds));
    double nodeHours = Energy.hours(meter.billedSeconds());
    double busyCoreHours = Energy.hours(busyCoreSeconds);
    double cpuUtil = nodeHours <= 0 ? 0 : Math.min(1, busyCoreHours / (nodeHours * shape.type().vcpus()));
    ControlPlaneMeter cp = ControlPlaneMeter.eks(ctx.priceBook());
    cp.cluster(0, ctx.horizonNanos());
    BigDecimal share = cp.cost().total().divide(BigDecimal.valueOf(Math.max(1, ctx.containerWorkloads())), MathContext.DECIMAL128);
    Cost cost = ResultAssembly.splitIdle(meter, cpuUtil, Cost.ofOther(share)).plus(cluster);
    Energy energy = Energy.of(ctx.priceBook().carbon(), nodeHours * shape.type().vcpus(), cpuUtil, nodeHours * shape.type().memoryGiB());
    return ResultAssembly.of(model, ctx, stats, cost, energy, notes);
  }
}
