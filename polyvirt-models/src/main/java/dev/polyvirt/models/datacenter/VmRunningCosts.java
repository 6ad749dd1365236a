package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.spec.Infrastructure;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What the workload's VMs cost to run beyond the hosts (issue #7 item 8; seed 002's VM management
 * overhead, "OS maintenance, patching, licensing"): the OS licence — Windows per vCPU per month
 * as the infrastructure sets it, or else the price book's Windows rate per vCPU-hour over the
 * horizon (what a cloud charges for licence-included Windows) — and operations hours per VM per
 * month at the infrastructure's hourly rate, and the storage of periodic snapshots
 * ({@link SnapshotSchedule}). All go to the "other" share of the cost.
 */
record VmRunningCosts(BigDecimal osLicence, double opsHours, BigDecimal ops, SnapshotSchedule.Usage snapshots,
    BigDecimal snapshotStorage) {
  static VmRunningCosts of(RunContext ctx, DatacenterSettings s) {
    Infrastructure.VmOpsSpec o = s.infrastructure().vmOps();
    BigDecimal months = BigDecimal.valueOf(ctx.horizonNanos()).divide(BigDecimal.valueOf(SimTime.NANOS_PER_BILLING_MONTH),
        MathContext.DECIMAL128);
    BigDecimal vcpus = BigDecimal.valueOf((long) s.vms() * s.vcpus());
    BigDecimal licence = BigDecimal.ZERO;
    if (ctx.workload().requirements().os().equals("windows")) {
      BigDecimal perVcpuMonth = o.windowsPerVcpuPerMonth().orElseGet(() ->
          ctx.priceBook().ec2().windowsLicencePerVcpuHour().multiply(BigDecimal.valueOf(SimTime.NANOS_PER_BILLING_MONTH / SimTime.NANOS_PER_HOUR)));
      licence = perVcpuMonth.multiply(vcpus).multiply(months, MathContext.DECIMAL128);
    }
    double hours = o.hoursPerVmPerMonth() * s.vms() * months.doubleValue();
    BigDecimal ops = BigDecimal.valueOf(o.hoursPerVmPerMonth()).multiply(BigDecimal.valueOf(s.vms())).multiply(o.ratePerHour())
        .multiply(months, MathContext.DECIMAL128);
    SnapshotSchedule.Usage snap = new SnapshotSchedule.Usage(0, 0, 0);
    BigDecimal snapCost = BigDecimal.ZERO;
    if (s.infrastructure().snapshots().isPresent()) {
      Infrastructure.SnapshotSpec sp = s.infrastructure().snapshots().get();
      SnapshotSchedule.Usage one = new SnapshotSchedule(sp.everyNanos(), sp.retention(), sp.changeShare(), sp.throughputMBps())
          .of(s.diskMiB() / 1024.0, ctx.horizonNanos());
      snap = new SnapshotSchedule.Usage(one.snapshots() * s.vms(), one.gbMonths() * s.vms(), one.creationSeconds() * s.vms());
      snapCost = sp.pricePerGbMonth().multiply(BigDecimal.valueOf(snap.gbMonths()), MathContext.DECIMAL64);
    }
    return new VmRunningCosts(licence, hours, ops, snap, snapCost);
  }

  BigDecimal total() {
    return osLicence.add(ops).add(snapshotStorage);
  }
}
