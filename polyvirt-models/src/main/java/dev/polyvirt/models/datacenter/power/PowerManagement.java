package dev.polyvirt.models.datacenter.power;

import java.util.Optional;

/**
 * How a datacenter manages power (Beloglazov &amp; Buyya, CCPE 2012, §6): NPA (no power
 * awareness: every host draws full power all day), DVFS (power follows utilisation along the
 * SPECpower curve; VMs stay put; a host with nothing to do is off), or dynamic consolidation with
 * an overload detector, minimum-migration-time VM selection and power-aware best-fit-decreasing
 * placement, underloaded hosts drained and switched off.
 *
 * <p>{@code cloudSim}: decide as CloudSim 3.0.3's code does where it departs from the paper's
 * description (see {@link #asCloudSim()}), so our figures can be set against CloudSim's like for like.
 */
public record PowerManagement(String name, boolean followsLoad, Optional<OverloadDetector> consolidation, boolean strictMemory,
    boolean cloudSim) {
  /** NPA: no power management. */
  public static final PowerManagement NPA = new PowerManagement("NPA", false, Optional.empty(), false);
  /** DVFS: power follows load, no migrations. */
  public static final PowerManagement DVFS = new PowerManagement("DVFS", true, Optional.empty(), false);

  /** Returns a policy that follows the paper (the signature before CloudSim mode). */
  public PowerManagement(String name, boolean followsLoad, Optional<OverloadDetector> consolidation, boolean strictMemory) {
    this(name, followsLoad, consolidation, strictMemory, false);
  }

  /** Consolidation with {@code detector} and MMT selection, named like the paper (e.g. LR-MMT-1.2). */
  public static PowerManagement consolidating(OverloadDetector detector, double parameter) {
    return new PowerManagement(detector.name() + "-MMT-" + parameter, true, Optional.of(detector), false);
  }

  /** Returns this policy checking host memory at every migration too (CloudSim checks it only at creation). */
  public PowerManagement withStrictMemory() {
    return new PowerManagement(name + "-strict-memory", followsLoad, consolidation, true, cloudSim);
  }

  /**
   * Returns this policy as CloudSim 3.0.3's code runs it. Where CloudSim departs from the paper:
   * its detectors ({@link OverloadDetector#asCloudSim()}: nearest-rank IQR, unweighted LR); its
   * power-aware best fit measures a host's power increase from the host's power at the start of
   * the round, not its power now, and skips the would-it-overload check for hosts that were off
   * at the start of the round ({@code PowerHost.getPower()} and
   * {@code HostDynamicWorkload.getUtilizationOfCpuMips()} are only refreshed between rounds); it
   * ranks underloaded hosts by their utilisation at the start of the round; and it never excludes
   * the targets of this round's overload migrations from being drained (it collects them from a
   * migration list that is still empty at that point). Nothing changes for NPA and DVFS.
   */
  public PowerManagement asCloudSim() {
    if (!followsLoad || consolidation.isEmpty()) return this;
    return new PowerManagement(name + "-cloudsim", true, consolidation.map(OverloadDetector::asCloudSim), strictMemory, true);
  }
}
