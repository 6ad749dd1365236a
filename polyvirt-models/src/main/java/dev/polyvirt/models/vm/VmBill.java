package dev.polyvirt.models.vm;

import dev.polyvirt.models.CpuCredits;
import dev.polyvirt.models.Energy;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.models.RunStats;
import dev.polyvirt.pricing.Cost;
import dev.polyvirt.pricing.InstanceMeter;
import dev.polyvirt.pricing.InstanceType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bills a VM fleet: instance-seconds at the on-demand price (the share matching utilisation is
 * compute, the rest is the idle capacity fixed allocation wastes), a Windows licence as other.
 * Energy counts every billed vCPU-hour at the simulated utilisation.
 */
public final class VmBill {
  private VmBill() {}

  static ModelResult result(String model, RunContext ctx, InstanceType type, RunStats stats, InstanceBilling billing,
      List<String> notes) {
    InstanceMeter meter = billing.close();
    meter.surplus(CpuCredits.surplusVcpuSeconds(type, meter.billedSeconds(), busyCoreSeconds(stats, ctx)));
    double hours = Energy.hours(meter.billedSeconds());
    double util = cpuUtilisation(stats, ctx, hours * type.vcpus());
    Cost cost = ResultAssembly.splitIdle(meter, util, Cost.ZERO);
    Energy energy = Energy.of(ctx.priceBook().carbon(), hours * type.vcpus(), util, hours * type.memoryGiB());
    return ResultAssembly.of(model, ctx, stats, cost, energy, notes);
  }

  /** Returns busy CPU over paid vCPU time: each busy slot holds the request's CPU. */
  static double cpuUtilisation(RunStats stats, RunContext ctx, double vcpuHours) {
    if (vcpuHours <= 0) return 0;
    return Math.min(1, Energy.hours(busyCoreSeconds(stats, ctx)) / vcpuHours);
  }

  /** Returns the core-seconds requests kept busy within the horizon. */
  public static double busyCoreSeconds(RunStats stats, RunContext ctx) {
    return stats.busy.integralSeconds(stats.horizon()) * ctx.workload().request().cpuMillis() / 1000.0;
  }
}
