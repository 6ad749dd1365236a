package dev.polyvirt.models.datacenter.power;

import java.util.Optional;

/**
 * How a datacenter manages power (Beloglazov &amp; Buyya, CCPE 2012, §6): NPA (no power
 * awareness: every host draws full power all day), DVFS (power follows utilisation along the
 * SPECpower curve; VMs stay put; a host with nothing to do is off), or dynamic consolidation with
 * an overload detector, minimum-migration-time VM selection and power-aware best-fit-decreasing
 * placement, underloaded hosts drained and switched off.
 */
public record PowerManagement(String name, boolean followsLoad, Optional<OverloadDetector> consolidation, boolean strictMemory) {
  /** NPA: no power management. */
  public static final PowerManagement NPA = new PowerManagement("NPA", false, Optional.empty(), false);
  /** DVFS: power follows load, no migrations. */
  public static final PowerManagement DVFS = new PowerManagement("DVFS", true, Optional.empty(), false);

  /** Consolidation with {@code detector} and MMT selection, named like the paper (e.g. LR-MMT-1.2). */
  public static PowerManagement consolidating(OverloadDetector detector, double parameter) {
    return new PowerManagement(detector.name() + "-MMT-" + parameter, true, Optional.of(detector), false);
  }

  /** Returns this policy checking host memory at every migration too (CloudSim checks it only at creation). */
  public PowerManagement withStrictMemory() {
    return new PowerManagement(name + "-strict-memory", followsLoad, consolidation, true);
  }
}
