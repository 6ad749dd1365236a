package dev.polyvirt.models.datacenter.power;

/**
 * The figures CloudSim's power examples print (CCPE 2012 §6.3): energy, migrations, SLATAH (share
 * of active host time at 100 % CPU), PDM (share of requested CPU lost to migrations, counted as
 * 10 % of a VM's demand while it migrates) and SLAV = SLATAH × PDM; and, to explain the migration
 * count, how many of the migrations moved VMs off overloaded hosts (the rest drained underloaded ones).
 */
public record ConsolidationResult(String policy, double energyKwh, int migrations, double slaTimePerActiveHost,
    double performanceDegradationDueToMigration, int hostShutdowns, double meanActiveHosts, int migrationsFromOverloaded) {
  /** Returns SLAV, the paper's combined SLA violation metric. */
  public double slaViolation() {
    return slaTimePerActiveHost * performanceDegradationDueToMigration;
  }
}
