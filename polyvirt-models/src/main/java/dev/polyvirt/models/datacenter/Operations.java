package dev.polyvirt.models.datacenter;

/** What operations did during a {@link BatchRun}: migrations, host failures and HA restarts. */
public final class Operations {
  int migrations;
  double migrationSeconds;
  double degradedMipsSeconds;
  int hostFailures;
  int vmRestarts;
  int vmsNotRestarted;
  int restartedTasks;
  int tasksDelayed;
  int vmBoots;
  double bootSeconds;
  int tasksDelayedByBoot;

  /** Returns the mean provisioning boot time of the VMs booted, in seconds (0 without boots). */
  public double meanBootSeconds() {
    return vmBoots == 0 ? 0 : bootSeconds / vmBoots;
  }

  /** Returns how many tasks arrived while their VM was still booting. */
  public int tasksDelayedByBoot() {
    return tasksDelayedByBoot;
  }

  double outageDelaySeconds;
  int tasksLost;
  double balloonedGbHours;
  double swappedGbHours;

  /** Returns how many tasks waited for their VM's HA restart (killed by the failure or arriving meanwhile). */
  public int tasksDelayed() {
    return tasksDelayed;
  }

  /** Returns the seconds those tasks spent waiting for the restart, summed. */
  public double outageDelaySeconds() {
    return outageDelaySeconds;
  }

  /** Returns how many tasks were lost: their VM was never restarted. */
  public int tasksLost() {
    return tasksLost;
  }

  /** Returns GiB-hours of guest memory the balloon driver held (memory overcommitted beyond physical). */
  public double balloonedGbHours() {
    return balloonedGbHours;
  }

  /** Returns GiB-hours of guest memory the hypervisor swapped (beyond what ballooning reclaims). */
  public double swappedGbHours() {
    return swappedGbHours;
  }

  /** Returns the number of live migrations. */
  public int migrations() {
    return migrations;
  }

  /** Returns the total pre-copy time of all migrations in seconds. */
  public double migrationSeconds() {
    return migrationSeconds;
  }

  /** Returns MIPS-seconds of demand lost to migrations (10 % while migrating, as CloudSim counts). */
  public double degradedMipsSeconds() {
    return degradedMipsSeconds;
  }

  /** Returns the number of host failures. */
  public int hostFailures() {
    return hostFailures;
  }

  /** Returns how many VMs HA restarted. */
  public int vmRestarts() {
    return vmRestarts;
  }

  /** Returns how many VMs HA never found a host to restart on (still down at the end). */
  public int vmsNotRestarted() {
    return vmsNotRestarted;
  }

  /** Returns how many running tasks a failure killed (each restarted from the beginning). */
  public int restartedTasks() {
    return restartedTasks;
  }

  double migrationDowntimeSeconds;
  int preCopyRounds;
  double migratedGb;
  double crossZoneMigratedGb;
  int tasksDelayedByMigration;
  double migrationDelaySeconds;
  double lostMi;
  int rollbacks;
  double rollbackSeconds;
  int rollbackRestartedTasks;
  double rollbackLostMi;
  int tasksDelayedByRollback;
  int overloadDetections;
  int consolidationMigrations;
  int hostsEmptied;

  /** Returns the migrations' downtime (stop-and-copy plus switch-over) in seconds, summed. */
  public double migrationDowntimeSeconds() {
    return migrationDowntimeSeconds;
  }

  /** Returns the iterative pre-copy rounds of all migrations (the stop-and-copy not counted). */
  public int preCopyRounds() {
    return preCopyRounds;
  }

  /** Returns the memory migrations sent over the network, in GiB. */
  public double migratedGb() {
    return migratedGb;
  }

  /** Returns the part of {@link #migratedGb} sent between hosts in different zones. */
  public double crossZoneMigratedGb() {
    return crossZoneMigratedGb;
  }

  /** Returns how many tasks arrived while their VM was paused for a migration's stop-and-copy. */
  public int tasksDelayedByMigration() {
    return tasksDelayedByMigration;
  }

  /** Returns the seconds those tasks waited for the VM to resume, summed. */
  public double migrationDelaySeconds() {
    return migrationDelaySeconds;
  }

  /** Returns the snapshot rollbacks done. */
  public int rollbacks() {
    return rollbacks;
  }

  /** Returns the seconds VMs were stopped restoring snapshots, summed. */
  public double rollbackSeconds() {
    return rollbackSeconds;
  }

  /** Returns the tasks a rollback interrupted (each restarted from the beginning). */
  public int rollbackRestartedTasks() {
    return rollbackRestartedTasks;
  }

  /** Returns the work (million instructions) rollbacks threw away: the progress of the tasks in flight. */
  public double rollbackLostMi() {
    return rollbackLostMi;
  }

  /** Returns the tasks that waited for a VM's restore (interrupted or arriving meanwhile). */
  public int tasksDelayedByRollback() {
    return tasksDelayedByRollback;
  }

  /** Returns how many times consolidation found a host overloaded. */
  public int overloadDetections() {
    return overloadDetections;
  }

  /** Returns the migrations consolidation made (overloaded hosts shedding VMs and underloaded hosts emptied). */
  public int consolidationMigrations() {
    return consolidationMigrations;
  }

  /** Returns the underloaded hosts consolidation emptied (switched off when {@code switchOffEmptyHosts}). */
  public int hostsEmptied() {
    return hostsEmptied;
  }
}
