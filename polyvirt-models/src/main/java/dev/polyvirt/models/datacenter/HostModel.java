package dev.polyvirt.models.datacenter;

/**
 * A physical server model: its cores and their speed, memory, network and power curve.
 *
 * @param mipsPerCore speed of one core in million instructions per second (CloudSim's unit, so
 *     task lengths in instructions compare directly)
 * @param bandwidthMbps NIC bandwidth; live migration uses half of it (CloudSim's convention)
 */
public record HostModel(String name, int cores, double mipsPerCore, long memoryMiB, double bandwidthMbps, PowerCurve power) {
  /** HP ProLiant ML110 G4 as CloudSim's PlanetLab experiments configure it: 2 × 1860 MIPS, 4 GB, 1 Gbit/s. */
  public static final HostModel HP_PROLIANT_ML110_G4 = new HostModel("hp-proliant-ml110-g4", 2, 1860, 4096, 1000,
      PowerCurve.HP_PROLIANT_ML110_G4);
  /** HP ProLiant ML110 G5: 2 × 2660 MIPS, 4 GB, 1 Gbit/s (same source). */
  public static final HostModel HP_PROLIANT_ML110_G5 = new HostModel("hp-proliant-ml110-g5", 2, 2660, 4096, 1000,
      PowerCurve.HP_PROLIANT_ML110_G5);

  public HostModel {
    if (cores <= 0) throw new IllegalArgumentException("a host needs at least one core");
    if (!(mipsPerCore > 0)) throw new IllegalArgumentException("core speed must be positive");
    if (memoryMiB <= 0) throw new IllegalArgumentException("a host needs memory");
    if (!(bandwidthMbps > 0)) throw new IllegalArgumentException("bandwidth must be positive");
  }

  /** Returns the host's total speed in MIPS. */
  public double totalMips() {
    return cores * mipsPerCore;
  }
}
