package dev.polyvirt.models.datacenter;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.metrics.LatencyRecorder;
import dev.polyvirt.models.ModelResult;
import dev.polyvirt.models.ResultAssembly;
import dev.polyvirt.models.RunContext;
import dev.polyvirt.pricing.CarbonCoefficients;
import dev.polyvirt.pricing.Cost;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a datacenter run into the figures every reporter shows: task response times as latency,
 * the hosts' energy (× the price book's PUE) and carbon, the workload's share of owning the hosts
 * (amortised price + hypervisor licence per host and per core, charged by the share of vCPU
 * capacity its VMs are allocated — showback — and split into busy and idle shares by the VMs' use
 * of that fixed allocation) plus the electricity its run drew, and named metrics and a per-host
 * table. Each workload runs on its own copy of the infrastructure, as every model does.
 */
final class DatacenterResult {
  /** Hosts listed one by one in the table; larger datacenters show the first ones. */
  static final int TABLE_HOSTS = 64;

  private DatacenterResult() {}

  static ModelResult of(String model, RunContext ctx, DatacenterSettings s, Cluster cluster, BatchResult r) {
    LatencyRecorder latency = new LatencyRecorder();
    long completed = 0;
    for (int i = 0; i < r.finish().length; i++) {
      if (r.finish()[i] < 0) continue;
      completed++;
      latency.record(r.finish()[i] - r.arrival()[i]);
    }
    double span = Math.max(1e-9, SimTime.toSeconds(r.endNanos()));
    double busy = 0, allocated = 0;
    int placed = 0;
    for (int h = 0; h < cluster.hosts(); h++) busy += r.hostUtilisation()[h] * cluster.model(h).totalMips() * span;
    for (int v = 0; v < cluster.vms(); v++) {
      if (cluster.hostOf(v) < 0) continue;
      placed++;
      allocated += cluster.shape(v).vcpus() * cluster.shape(v).mipsPerVcpu() * span;
    }
    double used = allocated == 0 ? 0 : Math.min(1, busy / allocated);
    CarbonCoefficients carbon = ctx.priceBook().carbon();
    double kwh = r.energyKwh() * carbon.pue().doubleValue();
    double co2 = kwh * carbon.gridTco2ePerKwh().doubleValue() * 1000;
    VmRunningCosts vmCosts = VmRunningCosts.of(ctx, s);
    Operations ops = r.operations();
    BigDecimal network = networkCost(s, ops);
    Cost cost = cost(ctx, s, cluster, kwh, used).plus(Cost.ofOther(vmCosts.total())).plus(Cost.ofOther(network));
    ModelResult.Latency lat = new ModelResult.Latency(latency.meanMs(), latency.percentileMs(50), latency.percentileMs(95),
        latency.percentileMs(99), latency.maxMs());
    BigDecimal total = cost.total();
    double perMonth = total.multiply(BigDecimal.valueOf(SimTime.NANOS_PER_BILLING_MONTH))
        .divide(BigDecimal.valueOf(ctx.horizonNanos()), MathContext.DECIMAL64).doubleValue();
    long tasks = r.finish().length;
    ModelResult.Figures f = new ModelResult.Figures(tasks, completed, tasks - completed, 0, 0, 0, lat, placed, placed, used,
        new ModelResult.CostUsd(total, cost.compute(), cost.requests(), cost.idle(), cost.other()), perMonth, kwh, co2);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("hosts", (double) cluster.hosts());
    metrics.put("hostsRunningVms", (double) hostsWithVms(cluster));
    metrics.put("vmsPlaced", (double) placed);
    metrics.put("maxHostCpuAllocatedAtEnd", cpuAllocated(cluster));
    metrics.put("wastedAllocationShare", 1 - used);
    metrics.put("makespanSeconds", r.makespanSeconds());
    metrics.put("meanQueueingDelaySeconds", r.meanQueueingDelaySeconds());
    metrics.put("migrations", (double) ops.migrations());
    metrics.put("migrationSeconds", ops.migrationSeconds());
    metrics.put("hostFailures", (double) ops.hostFailures());
    metrics.put("vmRestarts", (double) ops.vmRestarts());
    metrics.put("tasksRestarted", (double) ops.restartedTasks());
    metrics.put("meanVmBootSeconds", ops.meanBootSeconds());
    metrics.put("tasksDelayedByBoot", (double) ops.tasksDelayedByBoot());
    metrics.put("vmsNotRestarted", (double) ops.vmsNotRestarted());
    metrics.put("tasksDelayedByFailures", (double) ops.tasksDelayed());
    metrics.put("outageDelaySeconds", ops.outageDelaySeconds());
    metrics.put("tasksLostToFailures", (double) ops.tasksLost());
    metrics.put("failoverHostsReserved", (double) cluster.reservedHosts().length);
    metrics.put("balloonedGbHours", ops.balloonedGbHours());
    metrics.put("swappedGbHours", ops.swappedGbHours());
    metrics.put("hostEnergyKwh", r.energyKwh());
    metrics.put("osLicenceUsd", vmCosts.osLicence().doubleValue());
    metrics.put("opsHours", vmCosts.opsHours());
    metrics.put("opsUsd", vmCosts.ops().doubleValue());
    metrics.put("snapshots", (double) vmCosts.snapshots().snapshots());
    metrics.put("snapshotGbMonths", vmCosts.snapshots().gbMonths());
    metrics.put("snapshotUsd", vmCosts.snapshotStorage().doubleValue());
    metrics.put("snapshotCreationSeconds", vmCosts.snapshots().creationSeconds());
    metrics.put("migrationDowntimeSeconds", ops.migrationDowntimeSeconds());
    metrics.put("preCopyRounds", (double) ops.preCopyRounds());
    metrics.put("migratedGb", ops.migratedGb());
    metrics.put("crossZoneMigratedGb", ops.crossZoneMigratedGb());
    metrics.put("migrationNetworkUsd", network.doubleValue());
    metrics.put("migrationDegradedCpuSeconds", ops.degradedMipsSeconds() / Math.max(1e-9, vcpuMips(cluster)));
    metrics.put("tasksDelayedByMigration", (double) ops.tasksDelayedByMigration());
    metrics.put("migrationDelaySeconds", ops.migrationDelaySeconds());
    metrics.put("overloadDetections", (double) ops.overloadDetections());
    metrics.put("consolidationMigrations", (double) ops.consolidationMigrations());
    metrics.put("hostsEmptiedByConsolidation", (double) ops.hostsEmptied());
    metrics.put("rollbacks", (double) ops.rollbacks());
    metrics.put("rollbackSeconds", ops.rollbackSeconds());
    metrics.put("tasksRestartedByRollback", (double) ops.rollbackRestartedTasks());
    metrics.put("rollbackLostCpuSeconds", ops.rollbackLostMi() / Math.max(1e-9, vcpuMips(cluster)));
    metrics.put("tasksDelayedByRollback", (double) ops.tasksDelayedByRollback());
    List<String> notes = List.of(placed + " × " + s.vcpus() + " vCPU VMs on " + hostsWithVms(cluster) + " of " + cluster.hosts()
        + " hosts (" + s.infrastructure().placement() + ", CPU overcommit ≤ " + s.infrastructure().cpuOvercommit() + "), "
        + s.execution().specName() + " " + s.kind() + " tasks; " + ops.migrations() + " migrations, " + ops.hostFailures()
        + " host failures, " + ops.vmRestarts() + " HA restarts",
        String.format(java.util.Locale.ROOT, "migrations: %d (%d by consolidation, %d hosts emptied), %.1f GB moved (%.1f GB across zones, $%.2f),"
            + " %.1f s pre-copy, %.2f s downtime; %d snapshot rollbacks (%.0f s restoring, %d tasks restarted)", ops.migrations(),
            ops.consolidationMigrations(), ops.hostsEmptied(), ops.migratedGb(), ops.crossZoneMigratedGb(), network.doubleValue(),
            ops.migrationSeconds(), ops.migrationDowntimeSeconds(), ops.rollbacks(), ops.rollbackSeconds(), ops.rollbackRestartedTasks()));
    Map<String, ModelResult.Table> tables = new LinkedHashMap<>();
    tables.put("hosts", hostTable(s, cluster, r));
    tables.put("operations", operationsTable(ops, network));
    return ModelResult.of(model, f, notes, metrics, tables);
  }

  /** Prices the memory migrations sent: within a zone at {@code pricePerGb}, across zones at {@code crossZonePricePerGb}. */
  static BigDecimal networkCost(DatacenterSettings s, Operations ops) {
    var n = s.infrastructure().network();
    double sameZone = Math.max(0, ops.migratedGb() - ops.crossZoneMigratedGb());
    return n.pricePerGb().multiply(BigDecimal.valueOf(sameZone), MathContext.DECIMAL64)
        .add(n.crossZonePricePerGb().multiply(BigDecimal.valueOf(ops.crossZoneMigratedGb()), MathContext.DECIMAL64));
  }

  private static double vcpuMips(Cluster c) {
    return c.vms() == 0 ? 1 : c.shape(0).mipsPerVcpu();
  }

  private static Cost cost(RunContext ctx, DatacenterSettings s, Cluster cluster, double kwh, double used) {
    BigDecimal months = BigDecimal.valueOf(ctx.horizonNanos()).divide(BigDecimal.valueOf(SimTime.NANOS_PER_BILLING_MONTH),
        MathContext.DECIMAL128);
    Map<String, BigDecimal> price = new LinkedHashMap<>();
    s.infrastructure().hostModels().forEach(m -> price.put(m.name(), m.costPerMonth()));
    BigDecimal owning = BigDecimal.ZERO;
    long cores = 0;
    for (int h = 0; h < cluster.hosts(); h++) {
      owning = owning.add(price.getOrDefault(cluster.model(h).name(), BigDecimal.ZERO));
      cores += cluster.model(h).cores();
    }
    var hv = s.infrastructure().hypervisor();
    BigDecimal licence = hv.licencePerHostMonth().multiply(BigDecimal.valueOf(cluster.hosts()))
        .add(hv.licencePerCoreMonth().multiply(BigDecimal.valueOf(cores)));
    // showback: the workload pays the share of the datacenter's vCPU capacity its VMs are allocated
    double capacity = cores * s.infrastructure().cpuOvercommit();
    double share = capacity == 0 ? 0 : Math.min(1, s.vms() * (double) s.vcpus() / capacity);
    BigDecimal fixed = owning.add(licence).multiply(months, MathContext.DECIMAL128).multiply(BigDecimal.valueOf(share), MathContext.DECIMAL128);
    BigDecimal electricity = s.infrastructure().electricityPerKwh().multiply(BigDecimal.valueOf(kwh), MathContext.DECIMAL128);
    return ResultAssembly.splitIdle(fixed, used, Cost.ofOther(electricity));
  }

  /** One row of totals: migrations (and those consolidation made), memory moved and its price, pre-copy and downtime, rollbacks. */
  private static ModelResult.Table operationsTable(Operations ops, BigDecimal network) {
    List<Object> row = List.of((double) ops.migrations(), (double) ops.consolidationMigrations(), (double) ops.hostsEmptied(),
        ops.migratedGb(), ops.crossZoneMigratedGb(), network.doubleValue(), ops.migrationSeconds(), ops.migrationDowntimeSeconds(),
        (double) ops.hostFailures(), (double) ops.vmRestarts(), (double) ops.rollbacks());
    return new ModelResult.Table(List.of("migrations", "byConsolidation", "hostsEmptied", "gbMoved", "gbAcrossZones", "networkUsd",
        "preCopySeconds", "downtimeSeconds", "hostFailures", "haRestarts", "rollbacks"), List.of(row));
  }

  private static ModelResult.Table hostTable(DatacenterSettings s, Cluster cluster, BatchResult r) {
    List<String> zones = Hosts.zones(s.infrastructure());
    List<List<Object>> rows = new ArrayList<>();
    for (int h = 0; h < Math.min(TABLE_HOSTS, cluster.hosts()); h++) {
      rows.add(List.of((double) h, zones.get(h), cluster.model(h).name(), (double) cluster.vmCount(h), cluster.cpuAllocated(h),
          r.hostUtilisation()[h]));
    }
    return new ModelResult.Table(List.of("host", "zone", "model", "vmsAtEnd", "cpuAllocated", "utilisation"), rows)
        .withChart("utilisation");
  }

  private static int hostsWithVms(Cluster c) {
    int n = 0;
    for (int h = 0; h < c.hosts(); h++) if (c.vmCount(h) > 0) n++;
    return n;
  }

  private static double cpuAllocated(Cluster c) {
    double max = 0;
    for (int h = 0; h < c.hosts(); h++) max = Math.max(max, c.cpuAllocated(h));
    return max;
  }
}
