package dev.polyvirt.spec;

import dev.polyvirt.engine.dist.Distribution;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A private datacenter as the {@code infrastructure:} section describes it (SPEC.md extension):
 * host models, where hosts stand (datacenters and zones), the hypervisor, the VM placement and
 * overcommit policy, and the operations to simulate (host failures with HA, DRS balancing).
 */
public record Infrastructure(List<HostModelSpec> hostModels, List<ZoneSpec> zones, HypervisorSpec hypervisor, String placement,
    double cpuOvercommit, double memoryOvercommit, boolean switchOffEmptyHosts, List<FailureSpec> failures,
    Optional<DrsSpec> drs, BigDecimal electricityPerKwh, MemoryReclaimSpec memoryReclaim,
    Optional<FailureProcessSpec> failureProcess, int haReserveHosts, VmOpsSpec vmOps, Optional<SnapshotSpec> snapshots,
    Optional<ConsolidationSpec> consolidation, MigrationSpec migration, NetworkSpec network) {

  /**
   * Power-aware consolidation (Beloglazov &amp; Buyya, CCPE 2012): every {@code intervalNanos} the
   * {@code overload} detector ({@code thr}, {@code iqr}, {@code mad}, {@code lr}, {@code lrr}) with its
   * {@code parameter} (THR's threshold, or the safety parameter) picks overloaded hosts, which shed
   * VMs chosen by {@code selection} ({@code mmt}); with {@code underload}, underloaded hosts are emptied.
   */
  public record ConsolidationSpec(long intervalNanos, String overload, double parameter, String selection, boolean underload) {}

  /**
   * Pre-copy live migration: the guests' memory dirty rate in MiB/s, the downtime limit that ends
   * the iterative rounds, the most rounds, and the switch-over time.
   */
  public record MigrationSpec(double dirtyMiBps, long maxDowntimeNanos, int maxRounds, long switchOverNanos) {}

  /** What moving a GB costs: between hosts of one zone, and between zones (for migrations). */
  public record NetworkSpec(BigDecimal pricePerGb, BigDecimal crossZonePricePerGb) {
    /** Free, as a private network is (a spec without {@code network:}). */
    public static final NetworkSpec FREE = new NetworkSpec(BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** VM number {@code vm} (0-based, of each workload) is rolled back to its last snapshot at {@code atNanos}. */
  public record RollbackSpec(int vm, long atNanos) {}

  /**
   * Periodic VM snapshots: every {@code everyNanos}, the {@code retention} newest kept, each after
   * the first storing {@code changeShare} of the disk, written at {@code throughputMBps}, stored at
   * {@code pricePerGbMonth}; {@code rollbacks} restore VMs from their last snapshot.
   */
  public record SnapshotSpec(long everyNanos, int retention, double changeShare, double throughputMBps, BigDecimal pricePerGbMonth,
      List<RollbackSpec> rollbacks) {}

  /**
   * What each VM costs to run beyond its hardware (issue #7 item 8; seed 002, "Management
   * Overhead: OS maintenance, patching, licensing"): operations hours per VM per month at an hourly
   * rate, and the Windows licence per vCPU per month (empty: the price book's Windows rate per
   * vCPU-hour × 730 h).
   */
  public record VmOpsSpec(double hoursPerVmPerMonth, BigDecimal ratePerHour, Optional<BigDecimal> windowsPerVcpuPerMonth) {
    /** No operations hours charged and the price book's Windows rate (a spec without {@code ops:}). */
    public static final VmOpsSpec NONE = new VmOpsSpec(0, BigDecimal.ZERO, Optional.empty());
  }

  /**
   * Host failures drawn per host: time to failure and time to repair distributions (a bare
   * duration means exponential with that mean — MTBF / MTTR), HA detection and VM boot.
   */
  public record FailureProcessSpec(Distribution timeToFailure, Distribution timeToRepair, long detectNanos, long bootNanos) {}

  /**
   * Memory overcommitted beyond physical: the balloon driver reclaims up to {@code balloon} of the
   * guests' memory, the hypervisor swaps the rest, slowing the host's VMs by
   * {@code 1 / (1 + swapSlowdown × swapped share)}.
   */
  public record MemoryReclaimSpec(double balloon, double swapSlowdown) {}

  /**
   * A server model. {@code powerWatts} holds watts at equally spaced loads from idle to full
   * (two values = linear); {@code costPerMonth} is its amortised price.
   */
  public record HostModelSpec(String name, int cores, double mipsPerCore, long memoryMiB, double bandwidthMbps,
      List<Double> powerWatts, BigDecimal costPerMonth) {}

  /** {@code count} hosts of model {@code hostModel} in zone {@code zone} of datacenter {@code datacenter}. */
  public record ZoneSpec(String datacenter, String zone, String hostModel, int count) {}

  /**
   * The hypervisor: {@code type1} (bare metal) or {@code type2} (hosted), the share of CPU it keeps,
   * and its licence per host and per core per month.
   */
  public record HypervisorSpec(String type, double overhead, BigDecimal licencePerHostMonth, BigDecimal licencePerCoreMonth) {}

  /** Host number {@code host} (0-based, in zone order) fails at {@code atNanos}; HA detects, reboots its VMs; repair later. */
  public record FailureSpec(int host, long atNanos, long detectNanos, long bootNanos, long repairNanos) {}

  /** DRS: every {@code intervalNanos}, migrate when host loads differ by more than {@code imbalance}. */
  public record DrsSpec(long intervalNanos, double imbalance) {}

  /** Returns the number of hosts over all zones. */
  public int hostCount() {
    return zones.stream().mapToInt(ZoneSpec::count).sum();
  }
}
